import { withSession } from "@/middleware/with-session";
import { describeSession } from "@/server/session-info";

/** /api/user as a plain handler, without a router: the same links, the same answers. */
export default withSession(async (req, res) => {
  res.status(200).json(describeSession(req.session));
});
export const config = { api: { bodyParser: false } };
