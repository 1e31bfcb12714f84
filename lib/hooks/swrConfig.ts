import type { SWRConfiguration } from "swr";
import { api, ApiError } from "@/lib/api";

export const swrConfig: SWRConfiguration = {
  // Keys are API paths: `useSWR("/me")` calls GET /api/me through the shared client.
  fetcher: (path: string) => api.get(path),
  // A 4xx will not change by asking again; network errors and 5xx may.
  shouldRetryOnError: (error) =>
    !(error instanceof ApiError && error.status >= 400 && error.status < 500),
  errorRetryCount: 3,
};
