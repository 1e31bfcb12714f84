import type { PremiumInsights } from "@/lib/api/types";
import { useGuardedResource } from "./useGuardedResource";

/** GET /api/premium/insights: only with the `premium:read` permission (the `paid` role). */
export const usePremiumInsights = () => useGuardedResource<PremiumInsights>("/premium/insights");
