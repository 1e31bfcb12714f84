import { createApiRouter } from "@/middleware/router";
import { coreIsUp } from "@/server/core-health";

export type Health = { status: "ok"; core: "up" } | { status: "degraded"; core: "down" };

/** Public: whether the app and its SuperTokens core answer. */
const router = createApiRouter().get(async (_req, res) => {
  const up = await coreIsUp();
  const health: Health = up ? { status: "ok", core: "up" } : { status: "degraded", core: "down" };
  res.status(up ? 200 : 503).json(health);
});

export default router.handler();
export const config = { api: { bodyParser: false } };
