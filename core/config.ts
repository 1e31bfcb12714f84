import { z } from "zod";

/**
 * The real core reads numbers written as strings too (`"0.001"`), as config files and the SDK's
 * `coreConfig` often carry them; anything else that is not a positive number is refused.
 */
const positiveNumber = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .pipe(z.number().positive());

/**
 * The per-app settings this core honours, named and scaled as in the real SuperTokens core
 * (`config.yaml`), so a `coreConfig` written for one works with the other.
 */
export const coreConfigSchema = z
  .object({
    /** Seconds an access token is valid (default 3600). */
    access_token_validity: positiveNumber,
    /** Minutes a refresh token, and so a session, is valid (default 144000 = 100 days). */
    refresh_token_validity: positiveNumber,
    /** Hours between two dynamic signing keys (default 168; fractions allowed, handy in tests). */
    access_token_dynamic_signing_key_update_interval: positiveNumber,
    /** `false` keeps one dynamic key forever instead of rotating it. */
    access_token_signing_key_dynamic: z.boolean(),
    /** Milliseconds a password-reset token stays usable (default 3600000). */
    password_reset_token_lifetime: positiveNumber,
    /** Comma-separated; when set, every request but `/hello` and the JWKS must carry one. */
    api_keys: z.string().nullable(),
  })
  .partial()
  .strict();

export type CoreConfigInput = z.input<typeof coreConfigSchema>;

export type CoreConfig = {
  accessTokenValidityMs: number;
  refreshTokenValidityMs: number;
  signingKeyIntervalMs: number;
  rotateSigningKeys: boolean;
  passwordResetTokenLifetimeMs: number;
  apiKeys: string[];
};

/** Later layers win: the base config of every app, then the app's own `coreConfig`. */
export function resolveConfig(...layers: CoreConfigInput[]): CoreConfig {
  const c = coreConfigSchema.parse(Object.assign({}, ...layers));
  return {
    accessTokenValidityMs: (c.access_token_validity ?? 3600) * 1000,
    refreshTokenValidityMs: (c.refresh_token_validity ?? 144_000) * 60_000,
    signingKeyIntervalMs: (c.access_token_dynamic_signing_key_update_interval ?? 168) * 3_600_000,
    rotateSigningKeys: c.access_token_signing_key_dynamic ?? true,
    passwordResetTokenLifetimeMs: c.password_reset_token_lifetime ?? 3_600_000,
    apiKeys: (c.api_keys ?? "")
      .split(",")
      .map((key) => key.trim())
      .filter(Boolean),
  };
}
