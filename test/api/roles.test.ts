/**
 * Role and permission guards, with users made by the seed logic (`npm run seed`) through the real
 * SDK and signed in over HTTP: the right user gets the data, others get the SDK's 403 claim error.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { useStack } from "../../testing/node";
import { initAppSdk } from "../../testing/sdk";
import { bearer, call } from "../../testing/http";
import { signIn, type TestUser } from "../../testing/users";
import type { UsersPage } from "../../server/admin";
import type { ClaimValidationError } from "../../lib/api/errors";

/** SuperTokens' 403 body; its claims are typed as the browser's client reads them. */
type ClaimError = { message: string; claimValidationErrors: ClaimValidationError[] };

const stack = useStack();
const users: Record<"admin" | "paid" | "free", TestUser> = {} as never;
let demoPassword: string;

before(async () => {
  await initAppSdk(stack);
  const seed = await import("../../server/seed");
  await seed.seedDemoUsers();
  await seed.seedDemoUsers(); // idempotent
  demoPassword = seed.demoPassword;
  for (const role of ["admin", "paid", "free"] as const) {
    users[role] = await signIn(stack, `${role}@example.com`, demoPassword);
  }
});

const get = (path: string, user: TestUser) =>
  call(`${stack.appUrl}${path}`, { headers: bearer(user.accessToken) });

describe("GET /api/admin/users (role admin)", () => {
  test("an admin gets the users with their roles", async () => {
    const reply = await get("/api/admin/users", users.admin);
    assert.equal(reply.status, 200);
    const { users: listed, nextCursor } = reply.body as UsersPage;
    assert.equal(nextCursor, null);
    const byEmail = new Map(listed.map((user) => [user.emails[0], user]));
    assert.deepEqual(byEmail.get("admin@example.com")?.roles, ["admin"]);
    assert.deepEqual(byEmail.get("paid@example.com")?.roles, ["paid"]);
    assert.deepEqual(byEmail.get("free@example.com")?.roles, []);
  });

  for (const role of ["paid", "free"] as const) {
    test(`a ${role} user gets 403 invalid claim (st-role)`, async () => {
      const reply = await get("/api/admin/users", users[role]);
      assert.equal(reply.status, 403);
      const body = reply.body as ClaimError;
      assert.equal(body.message, "invalid claim");
      assert.equal(body.claimValidationErrors[0]?.id, "st-role");
      assert.equal(body.claimValidationErrors[0]?.reason?.expectedToInclude, "admin");
    });
  }
});

describe("GET /api/premium/insights (permission premium:read)", () => {
  test("a paid user gets the insights", async () => {
    const reply = await get("/api/premium/insights", users.paid);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { notes: 0, words: 0, firstNoteAt: null });
  });

  for (const role of ["admin", "free"] as const) {
    test(`a ${role} user gets 403 invalid claim (st-perm)`, async () => {
      const reply = await get("/api/premium/insights", users[role]);
      assert.equal(reply.status, 403);
      const body = reply.body as ClaimError;
      assert.equal(body.message, "invalid claim");
      assert.equal(body.claimValidationErrors[0]?.id, "st-perm");
      assert.equal(body.claimValidationErrors[0]?.reason?.expectedToInclude, "premium:read");
    });
  }
});

test("the roles are in the access token, and /api/me lists them", async () => {
  const me = await get("/api/me", users.paid);
  assert.deepEqual((me.body as { roles: string[] }).roles, ["paid"]);
  const session = await get("/api/user", users.paid);
  const payload = (session.body as { accessTokenPayload: Record<string, { v: string[] }> })
    .accessTokenPayload;
  assert.deepEqual(payload["st-role"]?.v, ["paid"]);
  assert.deepEqual(payload["st-perm"]?.v, ["premium:read"]);
});
