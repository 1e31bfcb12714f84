import useSWR from "swr";
import { z } from "zod";
import { api, ApiError } from "@/lib/api";
import type { Health } from "@/lib/api/types";

export const healthKey = "/health";

const state = z.enum(["up", "down"]);
const health = z.object({ status: z.enum(["ok", "degraded"]), core: state, database: state });

// 503 is an answer here (a dependency is down, its body says which), not a failure to report.
const fetchHealth = (path: string): Promise<Health> =>
  api.get<Health>(path, { handledStatuses: [503] }).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 503) {
      const parsed = health.safeParse(error.body);
      if (parsed.success) return parsed.data;
    }
    throw error;
  });

/** GET /api/health (public): whether the app's SuperTokens core and its database answer. */
export const useHealth = () => useSWR<Health>(healthKey, fetchHealth).data;
