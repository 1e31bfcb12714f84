import { HttpError } from "../http-error";

// RFC 6750's answers for Bearer tokens, so that generic HTTP clients understand them too.

/** Unknown, expired or revoked: one answer for all three, so a caller learns nothing more. */
export const invalidApiKey = () =>
  new HttpError(401, "invalid_api_key", "The API key is unknown, expired or revoked", {
    "WWW-Authenticate": 'Bearer error="invalid_token"',
  });

export const insufficientScope = (scope: string) =>
  new HttpError(403, "insufficient_scope", `This API key lacks the scope ${scope}`, {
    "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${scope}"`,
  });

/** Keys cannot reach a route (or a method) that accepts sessions only, e.g. managing keys. */
export const sessionRequired = () =>
  new HttpError(403, "session_required", "API keys are not accepted here: sign in instead");
