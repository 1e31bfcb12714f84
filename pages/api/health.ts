import { createApiRouter } from "@/middleware/router";
import { coreIsUp } from "@/server/core-health";

/** Public: whether the app and its SuperTokens core answer. */
const router = createApiRouter().get(async (_req, res) => {
  if (await coreIsUp()) res.status(200).json({ status: "ok", core: "up" });
  else res.status(503).json({ status: "degraded", core: "down" });
});

export default router.handler();
export const config = { api: { bodyParser: false } };
