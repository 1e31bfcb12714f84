import type { z } from "zod";

/**
 * Checks environment variables against a schema, for the server (config/env.ts) and the browser
 * (config/publicEnv.ts) alike: an empty variable (`SUPERTOKENS_API_KEY=`) means "unset", as in most
 * .env tooling, and a wrong one fails at once, naming the variable.
 */
export function readEnv<Schema extends z.ZodType>(
  schema: Schema,
  source: Record<string, string | undefined>,
): z.output<Schema> {
  const defined = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(defined);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return result.data;
}
