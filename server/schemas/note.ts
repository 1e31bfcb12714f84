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

export const listNotesQuery = z.object({
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(noteLimits.maxPageSize, `must be at most ${noteLimits.maxPageSize}`)
    .default(noteLimits.pageSize),
  cursor: z.string().min(1).optional(),
});

/** Next puts the `[id]` of `/api/notes/[id]` in the query. */
export const noteIdQuery = z.object({ id: z.string() });
