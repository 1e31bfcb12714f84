import useSWR from "swr";
import { api, ApiError } from "@/lib/api";

/**
 * GET a route guarded by a role or a permission. A 403 is an answer the page explains (missing
 * role, plan required), so it is `denied`, with no toast and no retry.
 */
export function useGuardedResource<T>(path: string) {
  const { data, error, isLoading } = useSWR<T, unknown>(path, (key: string) =>
    api.get<T>(key, { handledStatuses: [403] }),
  );
  const denied = error instanceof ApiError && error.status === 403 ? error : undefined;
  return { data, denied, error: denied ? undefined : error, isLoading };
}
