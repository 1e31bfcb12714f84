import { createApiRouter } from "@/middleware/router";
import { requireSession, type SessionRequest } from "@/middleware/session";
import { describeSession } from "@/server/session-info";

/** The session as SuperTokens sees it. Verified locally, from the token alone: no core call. */
const router = createApiRouter<SessionRequest>()
  .use(requireSession())
  .get((req, res) => {
    res.status(200).json(describeSession(req.session));
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
