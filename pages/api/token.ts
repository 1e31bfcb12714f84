import { createApiRouter } from "@/middleware/router";
import { requireSession, type SessionRequest } from "@/middleware/session";
import { issueDataToken } from "@/server/data-token";

/** A one-minute JWT for an external data source, verifiable with /api/auth/jwt/jwks.json. */
const router = createApiRouter<SessionRequest>()
  .use(requireSession())
  .get(async (req, res) => {
    res.status(200).json(await issueDataToken(req.session));
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
