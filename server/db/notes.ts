/**
 * Notes, one user's at a time: every query takes the owner's id, so a note of another user is
 * simply not found (the routes answer 404, not 403, and reveal nothing).
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { HttpError } from "../http-error";
import type { CreateNoteInput, UpdateNoteInput } from "../schemas/note";
import { database } from "./connection";

export type Note = {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
};
export type NotesPage = { notes: Note[]; nextCursor: string | null };

type Row = { id: string; title: string; body: string; created_at: number; updated_at: number };

let prepared: ReturnType<typeof prepare> | undefined;

/** Statements are compiled once per process, on first use. */
function statements() {
  prepared ??= prepare();
  return prepared;
}

function prepare() {
  const db = database();
  return {
    firstPage: db.prepare<[string, number], Row>(
      "SELECT * FROM notes WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
    ),
    nextPage: db.prepare<[string, number, string, number], Row>(
      `SELECT * FROM notes WHERE user_id = ? AND (created_at, id) < (?, ?)
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    ),
    insert: db.prepare<[string, string, string, string, number, number]>(
      "INSERT INTO notes (id, user_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    find: db.prepare<[string, string], Row>("SELECT * FROM notes WHERE user_id = ? AND id = ?"),
    update: db.prepare<[string | null, string | null, number, string, string], Row>(
      `UPDATE notes SET title = coalesce(?, title), body = coalesce(?, body), updated_at = ?
       WHERE user_id = ? AND id = ? RETURNING *`,
    ),
    remove: db.prepare<[string, string]>("DELETE FROM notes WHERE user_id = ? AND id = ?"),
    all: db.prepare<[string], Row>("SELECT * FROM notes WHERE user_id = ? ORDER BY created_at"),
  };
}

const toNote = (row: Row): Note => ({
  id: row.id,
  title: row.title,
  body: row.body,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** Newest first. The cursor is opaque to clients: the position of the last note of a page. */
export function listNotes(userId: string, page: { limit: number; cursor?: string }): NotesPage {
  // One row more than asked tells whether there is a next page.
  const rows =
    page.cursor === undefined
      ? statements().firstPage.all(userId, page.limit + 1)
      : statements().nextPage.all(userId, ...decodeCursor(page.cursor), page.limit + 1);
  const notes = rows.slice(0, page.limit);
  const last = notes.at(-1);
  return {
    notes: notes.map(toNote),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null,
  };
}

export function createNote(userId: string, input: CreateNoteInput): Note {
  const now = Date.now();
  const row: Row = { id: randomUUID(), ...input, created_at: now, updated_at: now };
  statements().insert.run(row.id, userId, row.title, row.body, now, now);
  return toNote(row);
}

export function findNote(userId: string, id: string): Note | undefined {
  const row = statements().find.get(userId, id);
  return row && toNote(row);
}

export function updateNote(userId: string, id: string, input: UpdateNoteInput): Note | undefined {
  const row = statements().update.get(
    input.title ?? null,
    input.body ?? null,
    Date.now(),
    userId,
    id,
  );
  return row && toNote(row);
}

export function deleteNote(userId: string, id: string): boolean {
  return statements().remove.run(userId, id).changes > 0;
}

/** For the paid-feature route: a few figures about the user's notes. */
export function noteStats(userId: string): {
  notes: number;
  words: number;
  firstNoteAt: string | null;
} {
  const rows = statements().all.all(userId);
  const words = rows.reduce((sum, row) => sum + countWords(`${row.title} ${row.body}`), 0);
  const first = rows[0];
  return {
    notes: rows.length,
    words,
    firstNoteAt: first ? new Date(first.created_at).toISOString() : null,
  };
}

const countWords = (text: string) => text.split(/\s+/).filter((word) => word !== "").length;

/** A cursor is the base64url JSON `[createdAt, id]` of the last note of the previous page. */
const cursorShape = z.tuple([z.number(), z.string()]);

function encodeCursor(row: Row): string {
  return Buffer.from(JSON.stringify([row.created_at, row.id])).toString("base64url");
}

function decodeCursor(cursor: string): [createdAt: number, id: string] {
  try {
    return cursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
  } catch {
    throw new HttpError(400, "invalid_input", "cursor: is not a cursor this API returned");
  }
}
