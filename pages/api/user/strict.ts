import { createApiRouter } from "@/middleware/router";
import { requireSession, type SessionRequest } from "@/middleware/session";
import { describeSession } from "@/server/session-info";

/**
 * Same answer as /api/user, but the core confirms the session on every call (`checkDatabase`), so
 * a session revoked elsewhere gets 401 at once instead of when its access token expires.
 */
const router = createApiRouter<SessionRequest>()
  .use(requireSession({ checkDatabase: true }))
  .get((req, res) => {
    res.status(200).json(describeSession(req.session));
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
