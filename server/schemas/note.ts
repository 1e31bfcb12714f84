import { z } from "zod";
import { noteLimits } from "@/config/limits";
import { body, text, update } from "./fields";

const note = {
  title: text({ max: noteLimits.title }),
  body: text({ max: noteLimits.body }),
};

export const createNoteInput = body(note);
export type CreateNoteInput = z.output<typeof createNoteInput>;

export const updateNoteInput = update(note);
export type UpdateNoteInput = z.output<typeof updateNoteInput>;

/**
 * The cursor of a notes page is opaque to clients: the base64url JSON `[createdAt, id]` of the
 * last note of the previous page. Both directions live here, so the format is written once.
 */
const cursorShape = z.tuple([z.number(), z.string()]);
export type NotesCursor = z.output<typeof cursorShape>;

export function encodeNotesCursor([createdAt, id]: NotesCursor): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString("base64url");
}

/** Decoded at validation, so a cursor the API never returned is a 400 naming it, like any input. */
const notesCursor = z.string().transform((cursor, ctx) => {
  const decoded = cursorShape.safeParse(parseJson(Buffer.from(cursor, "base64url").toString()));
  if (decoded.success) return decoded.data;
  ctx.addIssue({ code: "custom", message: "is not a cursor this API returned" });
  return z.NEVER;
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const listNotesQuery = z.object({
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(noteLimits.maxPageSize, `must be at most ${noteLimits.maxPageSize}`)
    .default(noteLimits.pageSize),
  cursor: notesCursor.optional(),
});

/** Next puts the `[id]` of `/api/notes/[id]` in the query. */
export const noteIdQuery = z.object({ id: z.string() });
