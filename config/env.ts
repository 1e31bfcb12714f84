/**
 * The server's environment, validated once when the process starts. The rest of the code imports
 * `env` and never reads `process.env`: a wrong value fails fast, naming the variable.
 */
import { z } from "zod";
import { DEFAULT_CORE_HOST, DEFAULT_CORE_PORT } from "../core/defaults";
import { readEnv } from "./readEnv";

/** A URL reduced to its origin (`https://app.example.com`), the form browsers send in `Origin`. */
const origin = z.url().transform((value) => new URL(value).origin);

const schema = z
  .object({
    CORE_PORT: z.coerce.number().int().min(1).max(65_535).default(DEFAULT_CORE_PORT),
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
  })
  .transform((raw) => {
    const websiteDomain = raw.WEBSITE_DOMAIN ?? raw.API_DOMAIN;
    return {
      supertokensConnectionUri:
        raw.SUPERTOKENS_CONNECTION_URI ?? `http://${DEFAULT_CORE_HOST}:${raw.CORE_PORT}`,
      supertokensApiKey: raw.SUPERTOKENS_API_KEY,
      apiDomain: raw.API_DOMAIN,
      websiteDomain,
      allowedOrigins: raw.ALLOWED_ORIGINS ?? [websiteDomain],
      dataDir: raw.DATA_DIR,
    };
  });

export type Env = z.output<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  return readEnv(schema, source);
}

export const env = parseEnv(process.env);
