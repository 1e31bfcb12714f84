import { createApiRouter } from "@/middleware/router";
import { requireSession, type OptionalSessionRequest } from "@/middleware/session";

export type Greeting =
  { signedIn: true; message: string; userId: string } | { signedIn: false; message: string };

/** Open to everyone, but knows who you are when you are signed in (`sessionRequired: false`). */
const router = createApiRouter<OptionalSessionRequest>()
  .use(requireSession({ sessionRequired: false }))
  .get((req, res) => {
    const greeting: Greeting = req.session
      ? { signedIn: true, message: "Welcome back!", userId: req.session.getUserId() }
      : { signedIn: false, message: "Hello, stranger. Sign in to see your notes." };
    res.status(200).json(greeting);
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
