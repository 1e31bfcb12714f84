import { createApiRouter } from "@/middleware/router";
import { coreIsUp } from "@/server/core-health";
import { databaseIsUp } from "@/server/db/health";

/** Public: whether the app's dependencies answer, each on its own (503 when one does not). */
const router = createApiRouter().get(async (_req, res) => {
  const [core, database] = await Promise.all([coreIsUp(), databaseIsUp()]);
  const ok = core && database;
  res.status(ok ? 200 : 503).json({
    status: ok ? "ok" : "degraded",
    core: core ? "up" : "down",
    database: database ? "up" : "down",
  });
});

export default router.handler();
export const config = { api: { bodyParser: false } };
