import { createApiRouter } from "@/middleware/router";
import { requireSession, type SessionRequest } from "@/middleware/session";

/** Answers 404 to anonymous callers, as if it did not exist (`hideFromAnonymous`). */
const router = createApiRouter<SessionRequest>()
  .use(requireSession({ hideFromAnonymous: true }))
  .get((req, res) => {
    res
      .status(200)
      .json({ message: "You found the hidden route.", userId: req.session.getUserId() });
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
