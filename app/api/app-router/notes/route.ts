import { protectedRoute } from "@/middleware/app/route";
import { createNote, listNotes } from "@/server/db/notes";
import { createNoteInput, listNotesQuery } from "@/server/schemas/note";
import { validate } from "@/server/validate";

/** /api/notes as route handlers: the signed-in user's notes, listed and created. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = protectedRoute(
  { checkDatabase: true, jsonBody: { limit: "64kb" }, writeLimit: "notes-write" },
  {
    GET: async (request, { session }) => {
      const page = validate(listNotesQuery, Object.fromEntries(request.nextUrl.searchParams));
      return Response.json(await listNotes(session.getUserId(), page));
    },
    POST: async (_request, { session, body }) => {
      const input = validate(createNoteInput, body);
      return Response.json(await createNote(session.getUserId(), input), { status: 201 });
    },
  },
);
