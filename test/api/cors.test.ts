/**
 * CORS and caching headers, against the built app (`next start`) and the local core.
 * next-connect sends OPTIONS to `onNoMatch` (it has no `.options()`), so every route must still
 * answer a preflight: 204 with the CORS headers for an allowed origin, none for another origin.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useStack } from "../../testing/node";
import { apiRoutes } from "../../testing/routes";
import { call } from "../../testing/http";
import { credentials, signUp, uniqueEmail } from "../../testing/users";

const allowed = "http://allowed.test";
const stranger = "http://evil.test";
// Every route file (the same scan as the contract test), and SuperTokens' main endpoints behind
// the /api/auth catch-all.
const routes = [
  ...apiRoutes().map((route) => route.path),
  "/api/auth/signin",
  "/api/auth/signup",
  "/api/auth/session/refresh",
  "/api/auth/signout",
];
const requestedHeaders = "rid, fdi-version, st-auth-mode, content-type";
const noStore = "no-cache, no-store, max-age=0, must-revalidate";

const stack = useStack({ env: { ALLOWED_ORIGINS: `${allowed},http://other-allowed.test` } });

const preflight = (path: string, origin: string) =>
  call(`${stack.appUrl}${path}`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": requestedHeaders,
    },
  });

describe("preflight", () => {
  for (const path of routes) {
    test(`${path}: 204 with CORS headers for an allowed origin`, async () => {
      const reply = await preflight(path, allowed);
      assert.equal(reply.status, 204);
      assert.equal(reply.headers.get("access-control-allow-origin"), allowed);
      assert.equal(reply.headers.get("access-control-allow-credentials"), "true");
      assert.match(reply.headers.get("vary") ?? "", /Origin/);
      const allowHeaders = (reply.headers.get("access-control-allow-headers") ?? "").split(",");
      for (const header of requestedHeaders.split(", ")) {
        assert.ok(allowHeaders.map((h) => h.trim()).includes(header), `${header} not allowed`);
      }
      assert.match(reply.headers.get("access-control-allow-methods") ?? "", /POST/);
    });

    test(`${path}: no Access-Control-Allow-Origin for another origin`, async () => {
      const reply = await preflight(path, stranger);
      assert.equal(reply.headers.get("access-control-allow-origin"), null);
      assert.match(reply.headers.get("vary") ?? "", /Origin/);
    });
  }
});

describe("actual requests", () => {
  test("an allowed origin is echoed, with credentials, on success and on errors", async () => {
    const ok = await call(`${stack.appUrl}/api/health`, { headers: { origin: allowed } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get("access-control-allow-origin"), allowed);
    assert.equal(ok.headers.get("access-control-allow-credentials"), "true");

    const unauthorised = await call(`${stack.appUrl}/api/user`, { headers: { origin: allowed } });
    assert.equal(unauthorised.status, 401);
    assert.equal(unauthorised.headers.get("access-control-allow-origin"), allowed);

    const wrongMethod = await call(`${stack.appUrl}/api/notes`, {
      method: "PUT",
      headers: { origin: allowed },
    });
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get("access-control-allow-origin"), allowed);
  });

  test("another origin gets no CORS headers (the browser keeps the answer from the page)", async () => {
    const reply = await call(`${stack.appUrl}/api/health`, { headers: { origin: stranger } });
    assert.equal(reply.headers.get("access-control-allow-origin"), null);
    assert.match(reply.headers.get("vary") ?? "", /Origin/);
  });

  test("SuperTokens' token headers are exposed to the allowed origin after sign-in", async () => {
    const reply = await call(`${stack.appUrl}/api/auth/signup`, {
      method: "POST",
      headers: {
        origin: allowed,
        "content-type": "application/json",
        rid: "emailpassword",
        "st-auth-mode": "header",
      },
      body: JSON.stringify(credentials(uniqueEmail("cors"))),
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get("access-control-allow-origin"), allowed);
    const exposed = reply.headers.get("access-control-expose-headers") ?? "";
    for (const header of ["st-access-token", "st-refresh-token", "front-token"]) {
      assert.match(exposed, new RegExp(header));
    }
  });
});

describe("Cache-Control", () => {
  test("every /api/auth answer is no-store: sign-in, refresh, errors, preflight", async () => {
    const user = await signUp(stack);
    const answers = await Promise.all([
      call(`${stack.appUrl}/api/auth/signin`, { method: "POST", body: "{}" }),
      call(`${stack.appUrl}/api/auth/session/refresh`, {
        method: "POST",
        headers: { authorization: `Bearer ${user.refreshToken}`, "st-auth-mode": "header" },
      }),
      call(`${stack.appUrl}/api/auth/no-such-endpoint`),
      preflight("/api/auth/signin", allowed),
    ]);
    for (const reply of answers) assert.equal(reply.headers.get("cache-control"), noStore);
  });

  test("except the JWKS: public keys, which the SDK marks cacheable on purpose", async () => {
    const reply = await call(`${stack.appUrl}/api/auth/jwt/jwks.json`);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get("cache-control"), "max-age=86400, must-revalidate");
  });

  test("the app's own answers are no-store too: they are per user", async () => {
    const reply = await call(`${stack.appUrl}/api/greeting`);
    assert.equal(reply.headers.get("cache-control"), noStore);
  });
});
