import { createApiRouter } from "@/middleware/router";
import { coreIsUp } from "@/server/core-health";
import { databaseIsUp } from "@/server/db/health";

export type Health = {
  status: "ok" | "degraded";
  core: "up" | "down";
  database: "up" | "down";
};

/** Public: whether the app's dependencies answer, each on its own (503 when one does not). */
const router = createApiRouter().get(async (_req, res) => {
  const [core, database] = await Promise.all([coreIsUp(), databaseIsUp()]);
  const ok = core && database;
  const health: Health = {
    status: ok ? "ok" : "degraded",
    core: core ? "up" : "down",
    database: database ? "up" : "down",
  };
  res.status(ok ? 200 : 503).json(health);
});

export default router.handler();
export const config = { api: { bodyParser: false } };
