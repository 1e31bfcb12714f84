import { requireAuth, type AuthRequest } from "@/middleware/auth";
import { createApiRouter } from "@/middleware/router";
import { jsonBody } from "@/middleware/json-body";
import { writeLimit } from "@/middleware/rate-limit";
import { createNote, listNotes } from "@/server/db/notes";
import { createNoteInput, listNotesQuery } from "@/server/schemas/note";
import { validate } from "@/server/validate";

// #region chain
/**
 * The caller's notes, for a session or an API key with the method's scope. `checkDatabase`: a
 * session revoked elsewhere stops here at once (a revoked key always does).
 */
const router = createApiRouter<AuthRequest>()
  .use(
    requireAuth({ checkDatabase: true, apiKey: { GET: "notes:read", POST: "notes:write" } }),
    jsonBody({ limit: "64kb" }),
  )
  .get(async (req, res) => {
    const page = validate(listNotesQuery, req.query);
    res.status(200).json(await listNotes(req.principal.userId, page));
  })
  .post(writeLimit("notes-write"), async (req, res) => {
    const input = validate(createNoteInput, req.body);
    res.status(201).json(await createNote(req.principal.userId, input));
  });
// #endregion chain

export default router.handler();
export const config = { api: { bodyParser: false } };
