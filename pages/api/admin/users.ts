import { createApiRouter } from "@/middleware/router";
import { requireRole } from "@/middleware/guards";
import { requireSession, type SessionRequest } from "@/middleware/session";
import { listUsers } from "@/server/admin";
import { listUsersQuery } from "@/server/schemas/admin";
import { validate } from "@/server/validate";

/** Every user, newest first: admins only (others get the SDK's 403 "invalid claim"). */
const router = createApiRouter<SessionRequest>()
  .use(requireSession(), requireRole("admin"))
  .get(async (req, res) => {
    res.status(200).json(await listUsers(validate(listUsersQuery, req.query)));
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
