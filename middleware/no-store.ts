import type { NextApiRequest, NextApiResponse } from "next";
import type { NextHandler } from "next-connect";

/** The `Cache-Control` of every API answer (route handlers set it too: middleware/app/route.ts). */
export const noStoreValue = "no-cache, no-store, max-age=0, must-revalidate";

/**
 * API answers are per user and must never be stored by a browser or a CDN; for SuperTokens' own
 * routes a cached answer would hand one user's tokens to another (supertokens-node#409). The one
 * exception is the SDK's own: it marks its public JWKS (`/api/auth/jwt/jwks.json`) cacheable.
 */
export function noStore(_req: NextApiRequest, res: NextApiResponse, next: NextHandler) {
  res.setHeader("Cache-Control", noStoreValue);
  return next();
}
