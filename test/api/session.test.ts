/**
 * Sessions through the chain, against the built app and the local core: what anonymous callers,
 * signed-in users, forged tokens and revoked sessions get from each route.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from "jose";
import { useStack } from "../../testing/node";
import { bearer, call, send } from "../../testing/http";
import { credentials, signUp, type TestUser, uniqueEmail } from "../../testing/users";
import { signOut } from "../../testing/session";
import type { ErrorBody } from "../../middleware/errors";
import type { Greeting } from "../../pages/api/greeting";
import type { SessionInfo } from "../../server/session-info";

const stack = useStack();
let user: TestUser;
before(async () => {
  user = await signUp(stack);
});

const get = (path: string, headers: Record<string, string> = {}) =>
  call(`${stack.appUrl}${path}`, { headers });

describe("anonymous callers", () => {
  const unauthorised = [
    "/api/user",
    "/api/user/strict",
    "/api/me",
    "/api/notes",
    "/api/notes/any-id",
    "/api/token",
    "/api/admin/users",
    "/api/premium/insights",
  ];
  for (const path of unauthorised) {
    test(`${path}: 401 unauthorised, from SuperTokens`, async () => {
      const reply = await get(path);
      assert.equal(reply.status, 401);
      assert.deepEqual(reply.body, { message: "unauthorised" });
    });
  }

  test("/api/hidden: 404 in the app's error shape, as if it did not exist", async () => {
    const reply = await get("/api/hidden");
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, { error: { code: "not_found", message: "Not found" } });
  });

  test("/api/greeting: 200 for strangers", async () => {
    const reply = await get("/api/greeting");
    assert.equal(reply.status, 200);
    assert.equal((reply.body as Greeting).signedIn, false);
  });

  test("/api/health: 200, the core and the database are up", async () => {
    const reply = await get("/api/health");
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { status: "ok", core: "up", database: "up" });
  });
});

describe("a signed-in user", () => {
  test("/api/user and /api/user/strict: the session as SuperTokens sees it", async () => {
    for (const path of ["/api/user", "/api/user/strict"]) {
      const reply = await get(path, bearer(user.accessToken));
      assert.equal(reply.status, 200, path);
      const body = reply.body as SessionInfo;
      assert.equal(body.userId, user.userId);
      assert.equal(body.sessionHandle, decodeJwt(user.accessToken).sessionHandle);
      assert.equal(body.accessTokenPayload.sub, user.userId);
    }
  });

  test("/api/greeting knows the caller; /api/hidden shows itself", async () => {
    const greeting = await get("/api/greeting", bearer(user.accessToken));
    assert.deepEqual(greeting.body, {
      signedIn: true,
      message: "Welcome back!",
      userId: user.userId,
    });
    const hidden = await get("/api/hidden", bearer(user.accessToken));
    assert.equal(hidden.status, 200);
    assert.equal((hidden.body as { userId: string }).userId, user.userId);
  });

  test("/api/me: the user, roles and profile, nothing private; PATCH updates the profile", async () => {
    const me = await get("/api/me", bearer(user.accessToken));
    assert.equal(me.status, 200);
    const body = me.body as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ["emails", "id", "profile", "roles", "timeJoined"]);
    assert.equal(body.id, user.userId);
    assert.deepEqual(body.emails, [user.email]);
    assert.deepEqual(body.roles, []);
    assert.deepEqual(body.profile, { firstName: null, lastName: null });

    const patched = await call(
      `${stack.appUrl}/api/me`,
      send("PATCH", { firstName: "  Ada ", lastName: "Lovelace" }, user.accessToken),
    );
    assert.equal(patched.status, 200);
    assert.deepEqual((patched.body as { profile: unknown }).profile, {
      firstName: "Ada",
      lastName: "Lovelace",
    });

    const onlyLast = await call(
      `${stack.appUrl}/api/me`,
      send("PATCH", { lastName: "Byron" }, user.accessToken),
    );
    assert.deepEqual((onlyLast.body as { profile: unknown }).profile, {
      firstName: "Ada",
      lastName: "Byron",
    });
  });

  test("PATCH /api/me rejects an empty name, an unknown field and an empty patch, naming them", async () => {
    const cases: [unknown, RegExp][] = [
      [{ firstName: "   " }, /^firstName: must not be empty$/],
      // The profile form's limit too (config/limits.ts): the form never sends what this refuses.
      [{ lastName: "x".repeat(61) }, /^lastName: must be at most 60 characters$/],
      [{ nickname: "x" }, /nickname/],
      [{}, /firstName, lastName or both/],
      [["firstName"], /^body: must be a JSON object$/],
    ];
    for (const [input, message] of cases) {
      const reply = await call(`${stack.appUrl}/api/me`, send("PATCH", input, user.accessToken));
      assert.equal(reply.status, 400, JSON.stringify(input));
      const { error } = reply.body as ErrorBody;
      assert.equal(error.code, "invalid_input");
      assert.match(error.message, message);
    }
  });
});

describe("forged access tokens get 401", () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

  test("payload changed, signature kept", async () => {
    const [h, , s] = user.accessToken.split(".");
    const forged = `${h}.${encode({ ...decodeJwt(user.accessToken), sub: "someone-else" })}.${s}`;
    const reply = await get("/api/user", bearer(forged));
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, { message: "try refresh token" });
  });

  test('alg "none", no signature', async () => {
    const h = { ...decodeProtectedHeader(user.accessToken), alg: "none" };
    const forged = `${encode(h)}.${encode(decodeJwt(user.accessToken))}.`;
    const reply = await get("/api/user", bearer(forged));
    assert.equal(reply.status, 401);
  });

  test("signed by another key under the same key id", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT(decodeJwt(user.accessToken))
      .setProtectedHeader(decodeProtectedHeader(user.accessToken) as { alg: string })
      .sign(privateKey);
    const reply = await get("/api/user", bearer(forged));
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, { message: "try refresh token" });
  });

  test("garbage", async () => {
    const reply = await get("/api/user", bearer("not.a.jwt"));
    assert.equal(reply.status, 401);
  });

  test("even on /api/hidden, where only callers with no token at all get 404", async () => {
    const [h, , s] = user.accessToken.split(".");
    const forged = `${h}.${encode({ ...decodeJwt(user.accessToken), sub: "someone-else" })}.${s}`;
    const reply = await get("/api/hidden", bearer(forged));
    assert.equal(reply.status, 401);
  });
});

describe("a session revoked elsewhere", () => {
  test("is refused at once where the route checks the database, and later elsewhere", async () => {
    const victim = await signUp(stack);
    await signOut(stack, victim.accessToken);

    for (const path of ["/api/user/strict", "/api/notes"]) {
      const reply = await get(path, bearer(victim.accessToken));
      assert.equal(reply.status, 401, path);
      assert.deepEqual(reply.body, { message: "unauthorised" });
    }
    // Verified locally, the access token stays valid until it expires: the documented trade-off.
    const local = await get("/api/user", bearer(victim.accessToken));
    assert.equal(local.status, 200);
  });
});

describe("cookie-based sessions (what the browser uses)", () => {
  test("sign-up (st-auth-mode: cookie) sets HttpOnly cookies the chain accepts, for reads and writes", async () => {
    const signUpReply = await call(`${stack.appUrl}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", "st-auth-mode": "cookie" },
      body: JSON.stringify(credentials(uniqueEmail("cookie"))),
    });
    assert.equal(signUpReply.status, 200);
    const cookies = signUpReply.headers.getSetCookie();
    const access = cookies.find((cookie) => cookie.startsWith("sAccessToken="));
    assert.ok(access, "no access-token cookie");
    assert.match(access, /HttpOnly/i);
    const cookie = cookies.map((line) => line.split(";")[0]).join("; ");

    const user = await call(`${stack.appUrl}/api/user`, { headers: { cookie } });
    assert.equal(user.status, 200);
    const created = await call(`${stack.appUrl}/api/notes`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ title: "From a cookie session", body: "It works" }),
    });
    assert.equal(created.status, 201);
  });
});
