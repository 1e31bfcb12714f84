import { z } from "zod";

/** A required text field, trimmed, with messages that read well after the field's name. */
export function text({ max }: { max: number }) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? "is required" : "must be a string"),
    })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);
}

/** An object schema that rejects unknown keys and bodies that are not objects. */
export function body<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "must be a JSON object"),
  });
}

/** A partial update: the fields of `shape`, each optional, and at least one of them sent. */
export function update<Shape extends z.ZodRawShape>(shape: Shape) {
  const names = Object.keys(shape).join(", ");
  return body(shape)
    .partial()
    .refine((input) => Object.values(input).some((value) => value !== undefined), {
      message: `send ${names} or ${Object.keys(shape).length > 2 ? "several" : "both"}`,
    });
}
