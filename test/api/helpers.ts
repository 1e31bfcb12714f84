/**
 * Small helpers for the API tests: users signed up through the real `/api/auth` endpoints with
 * header-based sessions (tokens come back in `st-access-token` / `st-refresh-token`).
 */
import { randomUUID } from "node:crypto";

export const password = "Passw0rd!test";

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

export type Tokens = { accessToken: string; refreshToken: string };
export type TestUser = Tokens & { email: string; userId: string };

export type Reply = { status: number; headers: Headers; body: unknown; text: string };

/** fetch, with the body read once as text and, when it is JSON, parsed. */
export async function call(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, { redirect: "manual", ...init });
  const text = await response.text();
  let body: unknown = text;
  if (text && response.headers.get("content-type")?.includes("application/json")) {
    body = JSON.parse(text);
  }
  return { status: response.status, headers: response.headers, body, text };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A request with a JSON body, as the signed-in user when a token is given. */
export function send(method: string, value: unknown, token?: string): RequestInit {
  return {
    method,
    headers: { "content-type": "application/json", ...(token ? bearer(token) : {}) },
    body: JSON.stringify(value),
  };
}

function tokensFrom(headers: Headers): Tokens {
  const accessToken = headers.get("st-access-token");
  const refreshToken = headers.get("st-refresh-token");
  if (!accessToken || !refreshToken) throw new Error("The answer carries no session tokens");
  return { accessToken, refreshToken };
}

/** One sign-up or sign-in request, whatever its answer; `headers` adds e.g. X-Forwarded-For. */
export function authAttempt(
  appUrl: string,
  path: "signup" | "signin",
  email: string,
  pass = password,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return call(`${appUrl}/api/auth/${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      rid: "emailpassword",
      "st-auth-mode": "header",
      ...headers,
    },
    body: JSON.stringify({
      formFields: [
        { id: "email", value: email },
        { id: "password", value: pass },
      ],
    }),
  });
}

async function emailPassword(
  appUrl: string,
  path: "signup" | "signin",
  email: string,
  pass: string,
  headers: Record<string, string> = {},
) {
  const reply = await authAttempt(appUrl, path, email, pass, headers);
  const body = reply.body as { status?: string; user?: { id: string } };
  if (reply.status !== 200 || body.status !== "OK" || !body.user) {
    throw new Error(`${path} failed: ${reply.status} ${reply.text}`);
  }
  return { email, userId: body.user.id, ...tokensFrom(reply.headers) };
}

export function signUp(
  appUrl: string,
  email = uniqueEmail(),
  headers: Record<string, string> = {},
): Promise<TestUser> {
  return emailPassword(appUrl, "signup", email, password, headers);
}

export function signIn(appUrl: string, email: string, pass = password): Promise<TestUser> {
  return emailPassword(appUrl, "signin", email, pass);
}

/** POST /api/auth/session/refresh with the refresh token; returns the new pair. */
export async function refresh(appUrl: string, refreshToken: string): Promise<Tokens> {
  const reply = await call(`${appUrl}/api/auth/session/refresh`, {
    method: "POST",
    headers: { ...bearer(refreshToken), rid: "session", "st-auth-mode": "header" },
  });
  if (reply.status !== 200) throw new Error(`refresh failed: ${reply.status} ${reply.text}`);
  return tokensFrom(reply.headers);
}

export async function signOut(appUrl: string, accessToken: string): Promise<void> {
  const reply = await call(`${appUrl}/api/auth/signout`, {
    method: "POST",
    headers: { ...bearer(accessToken), rid: "session", "st-auth-mode": "header" },
  });
  if (reply.status !== 200) throw new Error(`sign-out failed: ${reply.status} ${reply.text}`);
}
