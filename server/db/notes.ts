/**
 * Notes, one user's at a time: every query takes the owner's id, so a note of another user is
 * simply not found (the routes answer 404, not 403, and reveal nothing).
 */
import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import {
  encodeNotesCursor,
  type CreateNoteInput,
  type NotesCursor,
  type UpdateNoteInput,
} from "../schemas/note";
import { query } from "./query";
import type { NotesTable } from "./schema";

export type Note = {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
};
export type NotesPage = { notes: Note[]; nextCursor: string | null };

type Row = Selectable<NotesTable>;

const toNote = (row: Row): Note => ({
  id: row.id,
  title: row.title,
  body: row.body,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** Newest first, after the cursor (already decoded by `listNotesQuery`) when there is one. */
export async function listNotes(
  userId: string,
  page: { limit: number; cursor?: NotesCursor },
): Promise<NotesPage> {
  const rows = await query((db) => {
    let select = db.selectFrom("notes").selectAll().where("user_id", "=", userId);
    if (page.cursor) {
      const [createdAt, id] = page.cursor;
      select = select.where((eb) =>
        eb(eb.refTuple("created_at", "id"), "<", eb.tuple(createdAt, id)),
      );
    }
    return (
      select
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        // One row more than asked tells whether there is a next page.
        .limit(page.limit + 1)
        .execute()
    );
  });
  const notes = rows.slice(0, page.limit);
  const last = notes.at(-1);
  return {
    notes: notes.map(toNote),
    nextCursor:
      rows.length > page.limit && last ? encodeNotesCursor([last.created_at, last.id]) : null,
  };
}

export async function createNote(userId: string, input: CreateNoteInput): Promise<Note> {
  const now = Date.now();
  const row: Row = {
    id: randomUUID(),
    user_id: userId,
    ...input,
    created_at: now,
    updated_at: now,
  };
  await query((db) => db.insertInto("notes").values(row).execute());
  return toNote(row);
}

export async function findNote(userId: string, id: string): Promise<Note | undefined> {
  const row = await query((db) =>
    db
      .selectFrom("notes")
      .selectAll()
      .where("user_id", "=", userId)
      .where("id", "=", id)
      .executeTakeFirst(),
  );
  return row && toNote(row);
}

export async function updateNote(
  userId: string,
  id: string,
  input: UpdateNoteInput,
): Promise<Note | undefined> {
  const row = await query((db) =>
    db
      .updateTable("notes")
      // A field left out of the input (undefined) is left out of the SET clause by Kysely.
      .set({ title: input.title, body: input.body, updated_at: Date.now() })
      .where("user_id", "=", userId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst(),
  );
  return row && toNote(row);
}

export async function deleteNote(userId: string, id: string): Promise<boolean> {
  const result = await query((db) =>
    db.deleteFrom("notes").where("user_id", "=", userId).where("id", "=", id).executeTakeFirst(),
  );
  return result.numDeletedRows > 0n;
}

/** For the paid-feature route: a few figures about the user's notes. */
export async function noteStats(userId: string): Promise<{
  notes: number;
  words: number;
  firstNoteAt: string | null;
}> {
  const rows = await query((db) =>
    db
      .selectFrom("notes")
      .select(["title", "body", "created_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .execute(),
  );
  const words = rows.reduce((sum, row) => sum + countWords(`${row.title} ${row.body}`), 0);
  const first = rows[0];
  return {
    notes: rows.length,
    words,
    firstNoteAt: first ? new Date(first.created_at).toISOString() : null,
  };
}

const countWords = (text: string) => text.split(/\s+/).filter((word) => word !== "").length;
