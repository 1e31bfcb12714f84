/**
 * A session's tokens, as a client in header mode holds them (`st-auth-mode: header`): refreshing,
 * signing out, and expiring the access token now so that a test sees the refresh path at once.
 */
import { bearer, call, type At } from "./http";

export type Tokens = { accessToken: string; refreshToken: string };

/** The tokens SuperTokens sends back in `st-access-token` / `st-refresh-token`. */
export function tokensFrom(headers: Headers): Tokens {
  const accessToken = headers.get("st-access-token");
  const refreshToken = headers.get("st-refresh-token");
  if (!accessToken || !refreshToken) throw new Error("The answer carries no session tokens");
  return { accessToken, refreshToken };
}

/** POST /api/auth/session/refresh with the refresh token; returns the new pair. */
export async function refresh(stack: At<"appUrl">, refreshToken: string): Promise<Tokens> {
  await stack.ready;
  const reply = await call(`${stack.appUrl}/api/auth/session/refresh`, {
    method: "POST",
    headers: { ...bearer(refreshToken), rid: "session", "st-auth-mode": "header" },
  });
  if (reply.status !== 200) throw new Error(`refresh failed: ${reply.status} ${reply.text}`);
  return tokensFrom(reply.headers);
}

export async function signOut(stack: At<"appUrl">, accessToken: string): Promise<void> {
  await stack.ready;
  const reply = await call(`${stack.appUrl}/api/auth/signout`, {
    method: "POST",
    headers: { ...bearer(accessToken), rid: "session", "st-auth-mode": "header" },
  });
  if (reply.status !== 200) throw new Error(`sign-out failed: ${reply.status} ${reply.text}`);
}

/**
 * The same session's access token, already expired: the stack's core signs it again with the
 * same key and claims and an expiry in the past (a test-only route of the local core). The app
 * checks it as it checks any token, so the answer is the SDK's real 401 "try refresh token", and
 * the refresh token still works. No waiting, and nothing in the app is mocked.
 */
export async function expireAccessToken(
  stack: At<"coreUrl">,
  accessToken: string,
): Promise<string> {
  await stack.ready;
  const reply = await call(`${stack.coreUrl}/test/session/expire-access-token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accessToken }),
  });
  const body = reply.body as { status?: string; accessToken?: { token: string } };
  if (reply.status !== 200 || body.status !== "OK" || !body.accessToken) {
    throw new Error(`expiring the access token failed: ${reply.status} ${reply.text}`);
  }
  return body.accessToken.token;
}
