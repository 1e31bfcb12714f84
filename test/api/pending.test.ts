/**
 * No request may leave its handler's promise pending once its answer is sent. Two libraries of the
 * chain answer without calling back: `cors` on a preflight (so nextjs-cors' promise never settles)
 * and SuperTokens' `verifySession` on a 401/403. This test serves the real route modules in this
 * process (testing/in-process.ts) and counts handler promises still pending after their answers. A
 * control route written the naive way shows that the count does catch the mistake.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { NextApiResponse } from "next";
import { createRouter } from "next-connect";
import NextCors from "nextjs-cors";
import { verifySession } from "supertokens-node/recipe/session/framework/express";
import { startCore, type RunningCore } from "../../core/server";
import type { OptionalSessionRequest } from "../../middleware/session";
import { bearer, call, send } from "../../testing/http";
import { serveAppInProcess, type InProcessApp } from "../../testing/in-process";
import { useTempDir } from "../../testing/node";
import { credentials, signUp } from "../../testing/users";

const allowedOrigin = "http://allowed.test";
const preflight = {
  method: "OPTIONS",
  headers: {
    origin: allowedOrigin,
    "access-control-request-method": "POST",
    "access-control-request-headers": "rid, fdi-version, st-auth-mode, content-type",
  },
};

/** The naive chain that stack-notes.md warns about: awaits callbacks that never come. */
const naive = createRouter<OptionalSessionRequest, NextApiResponse>()
  .all(async (req, res) => {
    await NextCors(req, res, { origin: allowedOrigin, credentials: true });
    await new Promise<void>((resolve, reject) =>
      verifySession()(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
    );
    res.status(200).json({ ok: true });
  })
  .handler();

const dataDir = useTempDir("api-pending");
let core: RunningCore;
let app: InProcessApp;
const warnings: string[] = [];

before(async () => {
  core = await startCore({ port: 0, inMemory: true });
  app = await serveAppInProcess({
    dataDir,
    env: {
      SUPERTOKENS_CONNECTION_URI: core.url,
      ALLOWED_ORIGINS: allowedOrigin,
      RATE_LIMIT_WRITES_PER_MINUTE: "1",
      SIGN_IN_MAX_FAILURES: "1",
    },
    routes: async () => ({
      "/api/auth/*": await import("../../pages/api/auth/[[...path]]"),
      "/api/user": await import("../../pages/api/user/index"),
      "/api/admin/users": await import("../../pages/api/admin/users"),
      "/api/notes": await import("../../pages/api/notes/index"),
      "/api/hidden": await import("../../pages/api/hidden"),
      "/naive": { default: naive },
    }),
  });
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.join(" "));
    warn(...args);
  };
});

after(async () => {
  await app?.close();
  await core?.close();
});

/** Sends `count` requests, waits for every answer, then for the event loop to drain. */
async function pendingAfter(count: number, path: string, init: RequestInit, status: number) {
  const replies = await Promise.all(
    Array.from({ length: count }, () => call(`${app.url}${path}`, init)),
  );
  for (const reply of replies) assert.equal(reply.status, status, `${path}: ${reply.text}`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return app.pending();
}

describe("handler promises settle once the answer is sent", () => {
  test("preflights, to a route and to /api/auth", async () => {
    assert.equal(await pendingAfter(20, "/api/notes", preflight, 204), 0);
    assert.equal(await pendingAfter(20, "/api/auth/signin", preflight, 204), 0);
  });

  test("401 from verifySession, and 404 for a hidden route", async () => {
    assert.equal(await pendingAfter(20, "/api/user", {}, 401), 0);
    assert.equal(await pendingAfter(20, "/api/user", { headers: bearer("not-a-jwt") }, 401), 0);
    assert.equal(await pendingAfter(20, "/api/hidden", {}, 404), 0);
  });

  test("403 from a role guard", async () => {
    const user = await signUp({ appUrl: app.url });
    const init = { headers: bearer(user.accessToken) };
    assert.equal(await pendingAfter(20, "/api/admin/users", init, 403), 0);
  });

  test("405 for a method the route does not have", async () => {
    assert.equal(await pendingAfter(10, "/api/notes", { method: "PUT" }, 405), 0);
  });

  test("429 from a route's limit and from the sign-in lockout", async () => {
    const user = await signUp({ appUrl: app.url });
    const note = send("POST", { title: "t", body: "b" }, user.accessToken);
    assert.equal((await call(`${app.url}/api/notes`, note)).status, 201);
    assert.equal(await pendingAfter(10, "/api/notes", note, 429), 0);
    const wrong = send("POST", credentials(user.email, "Wr0ng-password"));
    assert.equal(await pendingAfter(10, "/api/auth/signin", wrong, 429), 0);
  });

  test("no 'API resolved without sending a response' warning from Next", () => {
    assert.deepEqual(
      warnings.filter((line) => line.includes("without sending a response")),
      [],
    );
  });

  test("control: the naive chain leaves one promise pending per preflight and per 401", async () => {
    assert.equal(await pendingAfter(5, "/naive", preflight, 204), 5);
    assert.equal(await pendingAfter(5, "/naive", {}, 401), 10);
  });
});
