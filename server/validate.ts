import type { z } from "zod";
import { HttpError } from "./http-error";

/**
 * Checks request input against a zod schema. A failure is a 400 whose message names the first
 * faulty field, e.g. `title: must not be empty`.
 */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") || "body";
  throw new HttpError(400, "invalid_input", `${field}: ${issue?.message ?? "is invalid"}`);
}
