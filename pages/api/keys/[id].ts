import { createApiRouter } from "@/middleware/router";
import { writeLimit } from "@/middleware/rate-limit";
import { requireSession, type SessionRequest } from "@/middleware/session";
import { deleteApiKey } from "@/server/db/api-keys";
import { notFound } from "@/server/http-error";
import { apiKeyIdQuery } from "@/server/schemas/api-key";
import { validate } from "@/server/validate";

/** Revokes one of the user's keys, effective on the key's next request. Another user's key: 404. */
const router = createApiRouter<SessionRequest>()
  .use(requireSession({ checkDatabase: true }))
  .delete(writeLimit("keys-write"), async (req, res) => {
    const { id } = validate(apiKeyIdQuery, req.query);
    if (!(await deleteApiKey(req.session.getUserId(), id))) throw notFound();
    res.status(204).end();
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
