import { ApiError } from "./errors";

export type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Statuses the caller shows in its own UI (e.g. `[403]` on a page that explains a missing role).
   * Error interceptors are skipped for them: no toast, no redirect.
   */
  handledStatuses?: readonly number[];
};

export type ErrorInterceptor = (error: ApiError, request: { method: string; path: string }) => void;

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * One typed fetch client for every page and SWR hook. It goes through the global `fetch`, which
 * the SuperTokens SDK patches: the SDK adds its headers, refreshes on 401 and retries, so a 401
 * that reaches this client means the refresh itself failed.
 */
export function createApiClient({ baseUrl }: { baseUrl: string }) {
  const interceptors = new Set<ErrorInterceptor>();

  // #region request
  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const { method = "GET", body, signal, handledStatuses = [] } = options;
    const fail = (error: ApiError): never => {
      if (!handledStatuses.includes(error.status)) {
        for (const intercept of interceptors) intercept(error, { method, path });
      }
      throw error;
    };

    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Sends the session cookies when the API lives on another origin too (CORS allowlist).
        credentials: "include",
        signal,
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      return fail(
        new ApiError(0, "network_error", "Could not reach the server. Check your connection."),
      );
    }

    if (!response.ok) return fail(await ApiError.fromResponse(response));
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  // #endregion request

  return {
    request,
    get: <T>(path: string, options?: Omit<RequestOptions, "method" | "body">) =>
      request<T>(path, { ...options, method: "GET" }),
    post: <T>(path: string, body: unknown, options?: Omit<RequestOptions, "method" | "body">) =>
      request<T>(path, { ...options, method: "POST", body }),
    patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, "method" | "body">) =>
      request<T>(path, { ...options, method: "PATCH", body }),
    delete: (path: string, options?: Omit<RequestOptions, "method" | "body">) =>
      request<void>(path, { ...options, method: "DELETE" }),
    /** Runs on every error the caller did not claim; returns a function that removes it. */
    onError(interceptor: ErrorInterceptor): () => void {
      interceptors.add(interceptor);
      return () => interceptors.delete(interceptor);
    },
  };
}
