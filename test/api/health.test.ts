/**
 * GET /api/health with its dependencies down: 503, each one reported on its own, so a load balancer
 * or an operator can tell which. (The 200 case runs in session.test.ts, against a live stack.)
 * Served in process: the core and PostgreSQL named here are ports where nothing listens.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freePort } from "../../testing/stack";
import { call } from "../../testing/http";
import { serveInProcess, type InProcessApp } from "../../testing/in-process";
import { useTempDir } from "../../testing/node";

let app: InProcessApp;
const dataDir = useTempDir("api-health");
before(async () => {
  Object.assign(process.env, {
    SUPERTOKENS_CONNECTION_URI: `http://127.0.0.1:${await freePort()}`,
    DATABASE_URL: `postgres://app:secret@127.0.0.1:${await freePort()}/notes`,
    DATA_DIR: dataDir,
  });
  app = await serveInProcess({ "/api/health": await import("../../pages/api/health") });
});
after(async () => {
  await app?.close();
});

test("503 degraded, naming each dependency that does not answer; public, never cached", async () => {
  const reply = await call(`${app.url}/api/health`);
  assert.equal(reply.status, 503);
  assert.deepEqual(reply.body, { status: "degraded", core: "down", database: "down" });
  assert.match(reply.headers.get("cache-control") ?? "", /no-store/);
});
