import { createApiRouter } from "@/middleware/router";
import { jsonBody } from "@/middleware/json-body";
import { writeLimit } from "@/middleware/rate-limit";
import { requireSession, type SessionRequest } from "@/middleware/session";
import { createNote, listNotes } from "@/server/db/notes";
import { createNoteInput, listNotesQuery } from "@/server/schemas/note";
import { validate } from "@/server/validate";

/** The signed-in user's notes. `checkDatabase`: a session revoked elsewhere stops here at once. */
const router = createApiRouter<SessionRequest>()
  .use(requireSession({ checkDatabase: true }), jsonBody({ limit: "64kb" }))
  .get(async (req, res) => {
    const page = validate(listNotesQuery, req.query);
    res.status(200).json(await listNotes(req.session.getUserId(), page));
  })
  .post(writeLimit("notes-write"), async (req, res) => {
    const input = validate(createNoteInput, req.body);
    res.status(201).json(await createNote(req.session.getUserId(), input));
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
