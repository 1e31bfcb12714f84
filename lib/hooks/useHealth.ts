import useSWR from "swr";
import { api, ApiError } from "@/lib/api";
import type { Health } from "@/lib/api/types";

export const healthKey = "/health";

// 503 is an answer here (the core is down), not a failure to report.
const fetchHealth = (path: string): Promise<Health> =>
  api.get<Health>(path, { handledStatuses: [503] }).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 503)
      return { status: "degraded", core: "down", database: "down" };
    throw error;
  });

/** GET /api/health (public): whether the app's SuperTokens core answers. */
export const useHealth = () => useSWR<Health>(healthKey, fetchHealth).data;
