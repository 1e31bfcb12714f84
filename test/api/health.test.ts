/**
 * GET /api/health with no core behind it: 503, so a load balancer or `npm run dev` can tell. (The
 * 200 case runs in session.test.ts, against a live core.) Served in process: no core is needed.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freePort } from "../../testing/stack";
import { call } from "../../testing/http";
import { serveInProcess, type InProcessApp } from "../../testing/in-process";

let app: InProcessApp;
before(async () => {
  // A port nothing listens on.
  process.env.SUPERTOKENS_CONNECTION_URI = `http://127.0.0.1:${await freePort()}`;
  app = await serveInProcess({ "/api/health": await import("../../pages/api/health") });
});
after(() => app?.close());

test("503 degraded when the core does not answer; public, and never cached", async () => {
  const reply = await call(`${app.url}/api/health`);
  assert.equal(reply.status, 503);
  assert.deepEqual(reply.body, { status: "degraded", core: "down" });
  assert.match(reply.headers.get("cache-control") ?? "", /no-store/);
});
