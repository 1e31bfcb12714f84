/**
 * The error link (middleware/errors.ts), through a router made by the same factory as every route:
 * app errors keep their status and code, SuperTokens errors get the SDK's own answer, anything
 * else is a 500 that tells the client nothing. Served in process; no core is needed.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { call } from "../../testing/http";
import { serveInProcess, type InProcessApp } from "../../testing/in-process";

let app: InProcessApp;
const logged: unknown[] = [];
const consoleError = console.error;

before(async () => {
  const { createApiRouter } = await import("../../middleware/router");
  const { HttpError } = await import("../../server/http-error");
  const { Error: SuperTokensError } = await import("supertokens-node");

  const failing = createApiRouter()
    .get(() => {
      throw new Error("connection string postgres://admin:hunter2@db");
    })
    .post(async () => {
      throw new HttpError(409, "conflict", "That name is taken");
    })
    .patch(() => {
      throw new SuperTokensError({ type: SuperTokensError.BAD_INPUT_ERROR, message: "Bad input" });
    });
  app = await serveInProcess({
    "/failing": { default: failing.handler() },
    "/no-methods": { default: createApiRouter().handler() },
  });
  console.error = (...args: unknown[]) => void logged.push(...args);
});
after(async () => {
  console.error = consoleError;
  await app?.close();
});

test("an unexpected error: 500 internal_error, logged on the server, nothing leaked", async () => {
  const reply = await call(`${app.url}/failing`);
  assert.equal(reply.status, 500);
  assert.deepEqual(reply.body, {
    error: { code: "internal_error", message: "Something went wrong" },
  });
  assert.doesNotMatch(reply.text, /hunter2|at /);
  assert.ok(logged.some((entry) => String(entry).includes("hunter2")));
});

test("an HttpError keeps its status, code and message", async () => {
  const reply = await call(`${app.url}/failing`, { method: "POST" });
  assert.equal(reply.status, 409);
  assert.deepEqual(reply.body, { error: { code: "conflict", message: "That name is taken" } });
});

test("a SuperTokens error gets the SDK's own answer", async () => {
  const reply = await call(`${app.url}/failing`, { method: "PATCH" });
  assert.equal(reply.status, 400);
  assert.deepEqual(reply.body, { message: "Bad input" });
});

test("no route for the method: 405 with Allow; a router with no methods: 404", async () => {
  const wrong = await call(`${app.url}/failing`, { method: "DELETE" });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get("allow"), "OPTIONS, GET, HEAD, POST, PATCH");
  const none = await call(`${app.url}/no-methods`);
  assert.equal(none.status, 404);
  assert.deepEqual(none.body, { error: { code: "not_found", message: "Not found" } });
});

test("HEAD is answered by the GET handler (here, its error), without a body", async () => {
  const reply = await call(`${app.url}/failing`, { method: "HEAD" });
  assert.equal(reply.status, 500);
  assert.equal(reply.text, "");
});
