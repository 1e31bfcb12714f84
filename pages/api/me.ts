import { requireAuth, type AuthRequest } from "@/middleware/auth";
import { createApiRouter } from "@/middleware/router";
import { jsonBody } from "@/middleware/json-body";
import { writeLimit } from "@/middleware/rate-limit";
import { updateProfileInput } from "@/server/schemas/profile";
import { getMe, updateProfile } from "@/server/users";
import { validate } from "@/server/validate";

/**
 * The caller, and their profile (first and last name). An API key with `profile:read` may read it;
 * editing it takes a session.
 */
const router = createApiRouter<AuthRequest>()
  .use(requireAuth({ apiKey: { GET: "profile:read" } }), jsonBody({ limit: "4kb" }))
  .get(async (req, res) => {
    res.status(200).json(await getMe(req.principal.userId));
  })
  .patch(writeLimit("profile-write"), async (req, res) => {
    const input = validate(updateProfileInput, req.body);
    await updateProfile(req.principal.userId, input);
    res.status(200).json(await getMe(req.principal.userId));
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
