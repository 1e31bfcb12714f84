import { createApiRouter } from "@/middleware/router";
import { jsonBody } from "@/middleware/json-body";
import { writeLimit } from "@/middleware/rate-limit";
import { requireSession, type SessionRequest } from "@/middleware/session";
import { updateProfileInput } from "@/server/schemas/profile";
import { getMe, updateProfile } from "@/server/users";
import { validate } from "@/server/validate";

/** The signed-in user, and their profile (first and last name). */
const router = createApiRouter<SessionRequest>()
  .use(requireSession(), jsonBody({ limit: "4kb" }))
  .get(async (req, res) => {
    res.status(200).json(await getMe(req.session.getUserId()));
  })
  .patch(writeLimit("profile-write"), async (req, res) => {
    const input = validate(updateProfileInput, req.body);
    await updateProfile(req.session.getUserId(), input);
    res.status(200).json(await getMe(req.session.getUserId()));
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
