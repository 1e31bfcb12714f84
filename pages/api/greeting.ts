import { createApiRouter } from "@/middleware/router";
import { requireSession, type OptionalSessionRequest } from "@/middleware/session";

/** Open to everyone, but knows who you are when you are signed in (`sessionRequired: false`). */
const router = createApiRouter<OptionalSessionRequest>()
  .use(requireSession({ sessionRequired: false }))
  .get((req, res) => {
    if (req.session) {
      res
        .status(200)
        .json({ signedIn: true, message: "Welcome back!", userId: req.session.getUserId() });
    } else {
      res
        .status(200)
        .json({ signedIn: false, message: "Hello, stranger. Sign in to see your notes." });
    }
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
