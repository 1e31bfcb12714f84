/**
 * A short-lived JWT for an external data source (what Clerk's `getToken({ template })` returns):
 * signed by the SuperTokens core, verifiable by anyone against `<API_DOMAIN>/api/auth/jwt/jwks.json`.
 */
import { decodeJwt } from "jose";
import JWT from "supertokens-node/recipe/jwt";
import type { SessionContainer } from "supertokens-node/recipe/session";

export const dataTokenAudience = "notes-data-source";
const validitySeconds = 60;

export type DataToken = { token: string; expiresAt: string };

export async function issueDataToken(session: SessionContainer): Promise<DataToken> {
  const result = await JWT.createJWT(
    { sub: session.getUserId(), aud: dataTokenAudience },
    validitySeconds,
  );
  if (result.status !== "OK") throw new Error(`The core could not sign a JWT: ${result.status}`);
  const { exp = 0 } = decodeJwt(result.jwt);
  return { token: result.jwt, expiresAt: new Date(exp * 1000).toISOString() };
}
