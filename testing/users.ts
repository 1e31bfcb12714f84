/**
 * Test accounts: one password, one way to make a unique address, one sign-up through the app's own
 * `/api/auth` endpoints (what the form calls), and roles from the app's own table
 * (server/roles.ts), granted in the stack's core.
 */
import { randomUUID } from "node:crypto";
import { rolePermissions, type Role } from "../server/roles";
import { call, type At, type Reply } from "./http";
import { signOut, tokensFrom, type Tokens } from "./session";

/** Meets the sign-up form's rules; every test account uses it unless a test is about passwords. */
export const PASSWORD = "Passw0rd!test";

/** A fresh address per call: tests run in parallel and never share users. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/** The body SuperTokens' sign-up and sign-in endpoints take. */
export function credentials(email: string, password = PASSWORD) {
  return {
    formFields: [
      { id: "email", value: email },
      { id: "password", value: password },
    ],
  };
}

export type TestUser = Tokens & { email: string; password: string; userId: string };

/** One sign-up or sign-in request, whatever its answer; `headers` adds e.g. X-Forwarded-For. */
export async function authAttempt(
  stack: At<"appUrl">,
  path: "signup" | "signin",
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
): Promise<Reply> {
  await stack.ready;
  return call(`${stack.appUrl}/api/auth/${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      rid: "emailpassword",
      "st-auth-mode": "header",
      ...headers,
    },
    body: JSON.stringify(credentials(email, password)),
  });
}

async function emailPassword(
  stack: At<"appUrl">,
  path: "signup" | "signin",
  email: string,
  password: string,
  headers?: Record<string, string>,
): Promise<TestUser> {
  const reply = await authAttempt(stack, path, email, password, headers);
  const body = reply.body as { status?: string; user?: { id: string } };
  if (reply.status !== 200 || body.status !== "OK" || !body.user) {
    throw new Error(`${path} failed: ${reply.status} ${reply.text}`);
  }
  return { email, password, userId: body.user.id, ...tokensFrom(reply.headers) };
}

/**
 * Signs a new account up and returns it with a header-mode session. With a role, the role is
 * granted first and the session is a new one, so that its access token carries the role.
 */
export async function signUp(
  stack: At<"appUrl"> & { coreUrl?: string },
  options: {
    email?: string;
    password?: string;
    role?: Role;
    /** Extra request headers, e.g. X-Forwarded-For. */
    headers?: Record<string, string>;
  } = {},
): Promise<TestUser> {
  const email = options.email ?? uniqueEmail(options.role);
  const password = options.password ?? PASSWORD;
  const user = await emailPassword(stack, "signup", email, password, options.headers);
  if (!options.role) return user;
  if (!stack.coreUrl) throw new Error("signUp with a role needs the stack's coreUrl");
  await grantRole({ coreUrl: stack.coreUrl }, user.userId, options.role);
  await signOut(stack, user.accessToken);
  return signIn(stack, email, password);
}

export function signIn(stack: At<"appUrl">, email: string, password = PASSWORD): Promise<TestUser> {
  return emailPassword(stack, "signin", email, password);
}

/**
 * Gives a user one of the app's roles, with the permissions server/roles.ts lists for it, through
 * the core's user-roles API (the calls `UserRoles.createNewRoleOrAddPermissions` and
 * `addRoleToUser` make). Sessions created afterwards carry it.
 */
export async function grantRole(stack: At<"coreUrl">, userId: string, role: Role): Promise<void> {
  await stack.ready;
  const put = async (path: string, body: object) => {
    const reply = await call(`${stack.coreUrl}${path}`, {
      method: "PUT",
      headers: { "content-type": "application/json", rid: "userroles" },
      body: JSON.stringify(body),
    });
    const status = (reply.body as { status?: string }).status;
    if (status !== "OK") throw new Error(`PUT ${path}: ${reply.status} ${reply.text}`);
  };
  await put("/recipe/role", { role, permissions: [...rolePermissions[role]] });
  await put("/public/recipe/user/role", { userId, role });
}
