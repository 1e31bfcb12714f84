import { z } from "zod";
import { hasProtectedClaim } from "./tokens/accessToken";

/** Query strings carry booleans as "true"/"false" (the SDK stringifies them). */
export const queryBool = z.enum(["true", "false"]).transform((value) => value === "true");

export const jsonObject = z.record(z.string(), z.unknown());

/**
 * An access-token payload set by the app: the core's own claims are off limits. The SDK shows the
 * core's message to the app's developer, so it is the real core's, word for word.
 */
export const customClaims = jsonObject.refine((claims) => !hasProtectedClaim(claims), {
  message: "The user payload contains protected field",
  params: { verbatim: true },
});

/** The core trims names such as roles and permissions and refuses empty ones. */
export const trimmedName = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string().min(1, "cannot be an empty String"));

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
