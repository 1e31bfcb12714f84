import { protectedRoute } from "@/middleware/app/route";
import { deleteNote, findNote, updateNote } from "@/server/db/notes";
import { notFound, orNotFound } from "@/server/http-error";
import { noteIdQuery, updateNoteInput } from "@/server/schemas/note";
import { validate } from "@/server/validate";

/** /api/notes/[id] as route handlers. Another user's note is "not found" (404), never 403. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = protectedRoute<{ id: string }>(
  { checkDatabase: true, jsonBody: { limit: "64kb" }, writeLimit: "notes-write" },
  {
    GET: async (_request, { session, params }) => {
      const { id } = validate(noteIdQuery, params);
      return Response.json(orNotFound(await findNote(session.getUserId(), id)));
    },
    PATCH: async (_request, { session, params, body }) => {
      const { id } = validate(noteIdQuery, params);
      const input = validate(updateNoteInput, body);
      return Response.json(orNotFound(await updateNote(session.getUserId(), id, input)));
    },
    DELETE: async (_request, { session, params }) => {
      const { id } = validate(noteIdQuery, params);
      if (!(await deleteNote(session.getUserId(), id))) throw notFound();
      return new Response(null, { status: 204 });
    },
  },
);
