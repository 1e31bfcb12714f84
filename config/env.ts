/**
 * The server's environment, validated once when the process starts. The rest of the code imports
 * `env` and never reads `process.env`: a wrong value fails fast, naming the variable.
 */
import { z } from "zod";

/** A URL reduced to its origin (`https://app.example.com`), the form browsers send in `Origin`. */
const origin = z.url().transform((value) => new URL(value).origin);

const schema = z
  .object({
    CORE_PORT: z.coerce.number().int().min(1).max(65_535).default(3567),
    SUPERTOKENS_CONNECTION_URI: z.url().optional(),
    SUPERTOKENS_API_KEY: z.string().optional(),
    API_DOMAIN: origin.default("http://localhost:3000"),
    WEBSITE_DOMAIN: origin.optional(),
    ALLOWED_ORIGINS: z
      .string()
      .transform((list) =>
        list
          .split(",")
          .map((value) => value.trim())
          .filter(Boolean),
      )
      .pipe(z.array(origin).min(1))
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    // Unset: SQLite in DATA_DIR. Set: PostgreSQL, the database for several app instances.
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(10),
  })
  .transform((raw) => {
    const websiteDomain = raw.WEBSITE_DOMAIN ?? raw.API_DOMAIN;
    return {
      // 127.0.0.1, not localhost: Node may resolve localhost to ::1, where the core does not listen.
      supertokensConnectionUri:
        raw.SUPERTOKENS_CONNECTION_URI ?? `http://127.0.0.1:${raw.CORE_PORT}`,
      supertokensApiKey: raw.SUPERTOKENS_API_KEY,
      apiDomain: raw.API_DOMAIN,
      websiteDomain,
      allowedOrigins: raw.ALLOWED_ORIGINS ?? [websiteDomain],
      dataDir: raw.DATA_DIR,
      databaseUrl: raw.DATABASE_URL,
      databasePoolSize: raw.DATABASE_POOL_SIZE,
    };
  });

export type Env = z.output<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (`SUPERTOKENS_API_KEY=`) means "unset", as in most .env tooling.
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

export const env = parseEnv(process.env);
