/**
 * The browser's environment: the NEXT_PUBLIC_* variables, checked once, like config/env.ts does for
 * the server. Browser code imports `publicEnv` and never reads `process.env`.
 */
import { z } from "zod";
import { readEnv } from "./readEnv";

/** A URL reduced to its origin, as browsers compare them. */
const origin = z.url().transform((value) => new URL(value).origin);

const schema = z
  .object({
    /** Where the API runs, when not on the page's own origin (a separate API domain). */
    NEXT_PUBLIC_API_DOMAIN: origin.optional(),
    /** Where the website runs, when SuperTokens' links must point elsewhere than the page. */
    NEXT_PUBLIC_WEBSITE_DOMAIN: origin.optional(),
  })
  .transform((raw) => ({
    apiDomain: raw.NEXT_PUBLIC_API_DOMAIN,
    websiteDomain: raw.NEXT_PUBLIC_WEBSITE_DOMAIN,
  }));

export type PublicEnv = z.output<typeof schema>;

export function parsePublicEnv(source: Record<string, string | undefined>): PublicEnv {
  return readEnv(schema, source);
}

// Next inlines a NEXT_PUBLIC_* value at build time only where it is written out in full, as here:
// `process.env[name]` or a spread of `process.env` would be empty in the browser.
export const publicEnv = parsePublicEnv({
  NEXT_PUBLIC_API_DOMAIN: process.env.NEXT_PUBLIC_API_DOMAIN,
  NEXT_PUBLIC_WEBSITE_DOMAIN: process.env.NEXT_PUBLIC_WEBSITE_DOMAIN,
});
