/**
 * The server's environment, validated once when the process starts. The rest of the code imports
 * `env` and never reads `process.env`: a wrong value fails fast, naming the variable.
 */
import proxyAddr from "proxy-addr";
import { z } from "zod";
import { DEFAULT_CORE_HOST, DEFAULT_CORE_PORT } from "../core/defaults";
import { readEnv } from "./readEnv";

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const seconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * Which proxies may set `X-Forwarded-For`: a number of hops in front of the app (`1` behind one
 * load balancer), or a comma-separated list of addresses, subnets and proxy-addr's names
 * (`loopback`, `uniquelocal`, `10.0.0.0/8`). Unset: nobody, the socket's address is the client.
 */
const trustProxy = z
  .string()
  .transform((value) =>
    /^\d+$/.test(value.trim())
      ? Number(value)
      : value
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean),
  )
  .refine((trust) => typeof trust === "number" || compiles(trust), {
    message: "expected a number of proxies, or addresses and subnets such as 10.0.0.0/8",
  });

function compiles(addresses: string[]): boolean {
  try {
    proxyAddr.compile(addresses);
    return addresses.length > 0;
  } catch {
    return false;
  }
}

/** A URL reduced to its origin (`https://app.example.com`), the form browsers send in `Origin`. */
const origin = z.url().transform((value) => new URL(value).origin);

const variables = z.object({
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
  // Unset: SQLite in DATA_DIR. Set: PostgreSQL, the database for several app instances.
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(10),
  TRUST_PROXY: trustProxy.optional(),
  RATE_LIMIT_WRITES_PER_MINUTE: count(60),
  RATE_LIMIT_API_KEY_PER_MINUTE: count(120),
  // OWASP's advice: lock an account after a few failures, never more than ten.
  SIGN_IN_MAX_FAILURES: count(10).pipe(z.number().max(10)),
  SIGN_IN_LOCKOUT_SECONDS: seconds(300),
  SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR: count(100),
  SIGN_UPS_PER_ADDRESS_PER_HOUR: count(10),
  PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR: count(3),
  PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: count(10),
});

/** The names of every variable the server reads, for tools that check a deployment's settings. */
export const envVariables = Object.keys(variables.shape);

const schema = variables.transform((raw) => {
  const websiteDomain = raw.WEBSITE_DOMAIN ?? raw.API_DOMAIN;
  return {
    supertokensConnectionUri:
      raw.SUPERTOKENS_CONNECTION_URI ?? `http://${DEFAULT_CORE_HOST}:${raw.CORE_PORT}`,
    supertokensApiKey: raw.SUPERTOKENS_API_KEY,
    apiDomain: raw.API_DOMAIN,
    websiteDomain,
    allowedOrigins: raw.ALLOWED_ORIGINS ?? [websiteDomain],
    dataDir: raw.DATA_DIR,
    databaseUrl: raw.DATABASE_URL,
    databasePoolSize: raw.DATABASE_POOL_SIZE,
    trustProxy: raw.TRUST_PROXY,
    rateLimits: {
      writesPerMinute: raw.RATE_LIMIT_WRITES_PER_MINUTE,
      apiKeyPerMinute: raw.RATE_LIMIT_API_KEY_PER_MINUTE,
      signIn: {
        maxFailures: raw.SIGN_IN_MAX_FAILURES,
        lockoutSeconds: raw.SIGN_IN_LOCKOUT_SECONDS,
        failuresPerAddressPerHour: raw.SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR,
      },
      signUpsPerAddressPerHour: raw.SIGN_UPS_PER_ADDRESS_PER_HOUR,
      passwordResets: {
        perAccountPerHour: raw.PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR,
        perAddressPerHour: raw.PASSWORD_RESETS_PER_ADDRESS_PER_HOUR,
      },
    },
  };
});

export type Env = z.output<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  return readEnv(schema, source);
}

export const env = parseEnv(process.env);
