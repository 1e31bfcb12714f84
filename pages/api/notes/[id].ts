import { requireAuth, type AuthRequest } from "@/middleware/auth";
import { createApiRouter } from "@/middleware/router";
import { jsonBody } from "@/middleware/json-body";
import { writeLimit } from "@/middleware/rate-limit";
import { deleteNote, findNote, updateNote } from "@/server/db/notes";
import { notFound, orNotFound } from "@/server/http-error";
import { noteIdQuery, updateNoteInput } from "@/server/schemas/note";
import { validate } from "@/server/validate";

const writes = writeLimit("notes-write");

/** One note. Another user's note is "not found" (404), never "forbidden": its existence stays private. */
const router = createApiRouter<AuthRequest>()
  .use(
    requireAuth({
      checkDatabase: true,
      apiKey: { GET: "notes:read", PATCH: "notes:write", DELETE: "notes:write" },
    }),
    jsonBody({ limit: "64kb" }),
  )
  .get(async (req, res) => {
    const { id } = validate(noteIdQuery, req.query);
    res.status(200).json(orNotFound(await findNote(req.principal.userId, id)));
  })
  .patch(writes, async (req, res) => {
    const { id } = validate(noteIdQuery, req.query);
    const input = validate(updateNoteInput, req.body);
    res.status(200).json(orNotFound(await updateNote(req.principal.userId, id, input)));
  })
  .delete(writes, async (req, res) => {
    const { id } = validate(noteIdQuery, req.query);
    if (!(await deleteNote(req.principal.userId, id))) throw notFound();
    res.status(204).end();
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
