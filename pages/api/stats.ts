import Session from "supertokens-node/recipe/session";
import { createApiRouter } from "@/middleware/router";
import { requireSession, type SessionRequest } from "@/middleware/session";

/** The response: declared once, here; the client and the tests import it as a type. */
export type SessionStats = { userId: string; sessionStartedAt: string; activeSessions: number };

/**
 * The tutorial's exercise (docs/tutorial/03-add-your-own-route.md): your sessions at a glance, i.e.
 * when this one started and on how many devices you are signed in.
 */
const router = createApiRouter<SessionRequest>()
  .use(requireSession())
  .get(async (req, res) => {
    const userId = req.session.getUserId();
    const [startedAt, handles] = await Promise.all([
      req.session.getTimeCreated(),
      Session.getAllSessionHandlesForUser(userId),
    ]);
    const stats: SessionStats = {
      userId,
      sessionStartedAt: new Date(startedAt).toISOString(),
      activeSessions: handles.length,
    };
    res.status(200).json(stats);
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
