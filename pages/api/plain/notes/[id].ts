import { withSession } from "@/middleware/with-session";
import { deleteNote, findNote, updateNote } from "@/server/db/notes";
import { notFound, orNotFound } from "@/server/http-error";
import { noteIdQuery, updateNoteInput } from "@/server/schemas/note";
import { validate } from "@/server/validate";

/** /api/notes/[id] as a plain handler: one function that switches on the method. */
export default withSession(
  async (req, res) => {
    const userId = req.session.getUserId();
    const { id } = validate(noteIdQuery, req.query);
    if (req.method === "PATCH") {
      const input = validate(updateNoteInput, req.body);
      res.status(200).json(orNotFound(await updateNote(userId, id, input)));
    } else if (req.method === "DELETE") {
      if (!(await deleteNote(userId, id))) throw notFound();
      res.status(204).end();
    } else {
      res.status(200).json(orNotFound(await findNote(userId, id)));
    }
  },
  {
    methods: ["GET", "PATCH", "DELETE"],
    checkDatabase: true,
    jsonBody: { limit: "64kb" },
    writeLimit: "notes-write",
  },
);
export const config = { api: { bodyParser: false } };
