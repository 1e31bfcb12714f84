/**
 * SuperTokens' own endpoints through the /api/auth router: password reset by the local outbox,
 * the JWKS that verifies /api/token, and our answers for what the SDK does not serve.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { useStack } from "../../testing/node";
import { messageTo } from "../../testing/outbox";
import { bearer, call, send } from "../../testing/http";
import { signIn, signUp } from "../../testing/users";
import type { ErrorBody } from "../../middleware/errors";
import type { DataToken } from "../../server/data-token";

const stack = useStack();

const url = (path: string) => `${stack.appUrl}${path}`;

describe("password reset", () => {
  test("the link goes to the outbox, points at the website, and sets a new password", async () => {
    const user = await signUp(stack);
    const requested = await call(url("/api/auth/user/password/reset/token"), {
      ...send("POST", { formFields: [{ id: "email", value: user.email }] }),
    });
    assert.equal(requested.status, 200);
    assert.deepEqual(requested.body, { status: "OK" });

    const message = await messageTo(stack, user.email);
    assert.equal(message.subject, "Reset your password");
    const link = new URL(message.link);
    assert.equal(link.origin, stack.appUrl);
    assert.equal(link.pathname, "/auth/reset-password");
    const token = link.searchParams.get("token");
    assert.ok(token);

    const newPassword = "N3w-passw0rd!";
    const reset = await call(url("/api/auth/user/password/reset"), {
      ...send("POST", {
        method: "token",
        token,
        formFields: [{ id: "password", value: newPassword }],
      }),
    });
    assert.deepEqual(reset.body, { status: "OK" });
    await assert.rejects(signIn(stack, user.email));
    assert.equal((await signIn(stack, user.email, newPassword)).userId, user.userId);
  });
});

describe("GET /api/token", () => {
  test("a short-lived JWT that verifies against /api/auth/jwt/jwks.json", async () => {
    const user = await signUp(stack);
    const reply = await call(url("/api/token"), { headers: bearer(user.accessToken) });
    assert.equal(reply.status, 200);
    const { token, expiresAt } = reply.body as DataToken;

    const jwks = createRemoteJWKSet(new URL(url("/api/auth/jwt/jwks.json")));
    const { payload } = await jwtVerify(token, jwks, {
      audience: "notes-data-source",
      issuer: stack.appUrl, // API_DOMAIN
    });
    assert.equal(payload.sub, user.userId);
    assert.equal(new Date((payload.exp ?? 0) * 1000).toISOString(), expiresAt);
    const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
    assert.ok(lifetime > 0 && lifetime <= 60, `lifetime ${lifetime}s`);
  });
});

describe("what the SDK does not serve", () => {
  test("an unknown /api/auth path: 404 in the app's error shape", async () => {
    const reply = await call(url("/api/auth/no-such-endpoint"));
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, { error: { code: "not_found", message: "Not found" } });
  });

  test("malformed JSON and oversized bodies to /api/auth are refused before the SDK", async () => {
    const malformed = await call(url("/api/auth/signin"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    assert.equal(malformed.status, 400);
    assert.equal((malformed.body as ErrorBody).error.code, "invalid_json");

    const oversized = await call(url("/api/auth/signin"), send("POST", { x: "y".repeat(20_000) }));
    assert.equal(oversized.status, 413);
  });

  test("wrong credentials are the SDK's answer, not an error", async () => {
    const user = await signUp(stack);
    await assert.rejects(signIn(stack, user.email, "Wr0ng-password"), /WRONG_CREDENTIALS/);
  });
});
