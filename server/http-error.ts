/**
 * An error the client should see: middleware/errors.ts turns it into
 * `{ "error": { "code", "message" } }` with this status. Anything else becomes a plain 500.
 */

/**
 * 401 only for API keys, which browsers never send: any other 401 belongs to SuperTokens, whose
 * frontend SDK answers it with a refresh.
 */
export type HttpErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 422 | 429 | 500 | 503;

export class HttpError extends Error {
  constructor(
    readonly status: HttpErrorStatus,
    readonly code: string,
    message: string,
    /** Sent with the answer, e.g. `Retry-After` on a 429 or a 503. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const notFound = () => new HttpError(404, "not_found", "Not found");

/** `value`, or a 404 when there is none (e.g. a note that is not the caller's). */
export function orNotFound<T>(value: T | undefined): T {
  if (value === undefined) throw notFound();
  return value;
}

/**
 * A dependency (the database, the SuperTokens core) does not answer: 503 with `Retry-After`, so
 * that clients and load balancers wait and retry instead of reporting a bug.
 */
export const unavailable = (code: string, message: string, retryAfter = 5) =>
  new HttpError(503, code, message, { "Retry-After": String(retryAfter) });
