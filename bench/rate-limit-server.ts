/**
 * The server side of `npm run bench:rate-limit`, in a process of its own so that its CPU time is
 * the app's alone: the same protected read (`GET /api/user`'s chain and handler) served twice,
 * at `/plain` as the app serves it and at `/limited` with the rate-limit link after the session.
 * Sign-up is served too, for the bench's token. Prints `serving <url>` once it listens. Reads DATA_DIR, DATABASE_URL and the core's address from
 * the environment, like the app.
 */
import { createApiRouter } from "@/middleware/router";
import { rateLimit } from "@/middleware/rate-limit";
import { requireSession, type SessionRequest } from "@/middleware/session";
import { describeSession } from "@/server/session-info";
import * as auth from "@/pages/api/auth/[[...path]]";
import { serveInProcess } from "../testing/in-process";

const read = (req: SessionRequest, res: import("next").NextApiResponse) => {
  res.status(200).json(describeSession(req.session));
};

const plain = createApiRouter<SessionRequest>().use(requireSession()).get(read).handler();
const limited = createApiRouter<SessionRequest>()
  .use(
    requireSession(),
    // A quota the bench never reaches: every request pays for the count, none is refused.
    rateLimit({ name: "bench-read", points: 1e9, seconds: 3600, whenStoreDown: "refuse" }),
  )
  .get(read)
  .handler();

serveInProcess({
  "/api/auth/*": auth,
  "/plain": { default: plain },
  "/limited": { default: limited },
}).then(
  (app) => console.log(`serving ${app.url}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
