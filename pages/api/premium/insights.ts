import { createApiRouter } from "@/middleware/router";
import { requirePermission } from "@/middleware/guards";
import { requireSession, type SessionRequest } from "@/middleware/session";
import { noteStats } from "@/server/db/notes";

/** A paid feature: figures about your notes, for holders of the `premium:read` permission. */
const router = createApiRouter<SessionRequest>()
  .use(requireSession(), requirePermission("premium:read"))
  .get(async (req, res) => {
    res.status(200).json(await noteStats(req.session.getUserId()));
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
