/**
 * The core and the database go away under a running app, then come back: routes that need the
 * missing one answer 503 with Retry-After (never 500, never 401), routes that verify the token
 * locally keep working, nothing is half written, and the same app answers normally once the
 * dependency returns, without a restart. Served in process, on a real core and a real PostgreSQL
 * (its own server, since this test stops it).
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { startCore, type RunningCore } from "../../core/server";
import { startPostgres, type Postgres } from "../../testing/postgres";
import { bearer, call, send, type Reply } from "../../testing/http";
import { serveAppInProcess, type InProcessApp } from "../../testing/in-process";
import { credentials, signUp, type TestUser } from "../../testing/users";
import { useTempDir } from "../../testing/node";

let core: RunningCore;
let postgres: Postgres;
let app: InProcessApp;
const dataDir = useTempDir("api-outages");
let user: TestUser;
let admin: TestUser;
let apiKey: string;

const startOurCore = () =>
  startCore({ port: core?.port ?? 0, dataDir: path.join(dataDir, "core") });

before(async () => {
  core = await startOurCore();
  postgres = await startPostgres({ own: true });
  app = await serveAppInProcess({
    dataDir,
    env: { SUPERTOKENS_CONNECTION_URI: core.url, DATABASE_URL: postgres.url },
    routes: async () => ({
      "/api/auth/*": await import("../../pages/api/auth/[[...path]]"),
      "/api/notes": await import("../../pages/api/notes/index"),
      "/api/keys": await import("../../pages/api/keys/index"),
      "/api/me": await import("../../pages/api/me"),
      "/api/user": await import("../../pages/api/user/index"),
      "/api/health": await import("../../pages/api/health"),
      "/api/admin/users": await import("../../pages/api/admin/users"),
    }),
  });
  user = await signUp({ appUrl: app.url });
  admin = await signUp({ appUrl: app.url, coreUrl: core.url }, { role: "admin" });
  const created = await call(
    `${app.url}/api/keys`,
    send("POST", { name: "outage", scopes: ["notes:read"], expiresInDays: 30 }, user.accessToken),
  );
  apiKey = (created.body as { key: string }).key;
});
after(async () => {
  await app?.close();
  await core?.close();
  await postgres?.destroy();
});

const as = (token: string) => ({ headers: bearer(token) });
const code = (reply: Reply) => (reply.body as { error?: { code?: string } }).error?.code;

function assertUnavailable(reply: Reply, expected: string, what: string) {
  assert.equal(reply.status, 503, `${what}: ${reply.status} ${reply.text}`);
  assert.equal(code(reply), expected, what);
  assert.match(reply.headers.get("retry-after") ?? "", /^\d+$/, what);
}

async function countNotes(): Promise<number> {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM notes");
    return Number(rows[0]?.count);
  } finally {
    await client.end();
  }
}

describe("the core stops, then comes back", () => {
  test("routes that need the core: 503 auth_unavailable; local checks keep working", async () => {
    // A running app has fetched the core's signing keys (JWKS) already; this one does it now.
    assert.equal((await call(`${app.url}/api/user`, as(user.accessToken))).status, 200);
    await core.close();
    const health = await call(`${app.url}/api/health`);
    assert.equal(health.status, 503);
    assert.deepEqual(health.body, { status: "degraded", core: "down", database: "up" });

    const signIn = send("POST", credentials(user.email));
    const refresh = {
      method: "POST",
      headers: { ...bearer(user.refreshToken), rid: "session", "st-auth-mode": "header" },
    };
    for (const [what, reply] of [
      ["sign-in", await call(`${app.url}/api/auth/signin`, signIn)],
      ["sign-up", await call(`${app.url}/api/auth/signup`, signIn)],
      ["refresh", await call(`${app.url}/api/auth/session/refresh`, refresh)],
      ["checkDatabase", await call(`${app.url}/api/notes`, as(user.accessToken))],
      ["/api/me", await call(`${app.url}/api/me`, as(user.accessToken))],
      // The role is in the token; the user list it guards comes from the core.
      ["roles", await call(`${app.url}/api/admin/users`, as(admin.accessToken))],
      // A key's user is looked up in the core: unavailable, not an invalid key.
      ["API key", await call(`${app.url}/api/notes`, as(apiKey))],
    ] as const) {
      assertUnavailable(reply, "auth_unavailable", what);
    }
    // The access token is verified with keys the SDK already holds: no core needed.
    assert.equal((await call(`${app.url}/api/user`, as(user.accessToken))).status, 200);
  });

  test("once it is back, the same app answers normally", async () => {
    core = await startOurCore();
    const notes = await call(`${app.url}/api/notes`, as(user.accessToken));
    assert.equal(notes.status, 200, notes.text);
    assert.equal((await call(`${app.url}/api/me`, as(user.accessToken))).status, 200);
    assert.equal((await call(`${app.url}/api/admin/users`, as(admin.accessToken))).status, 200);
    assert.equal((await call(`${app.url}/api/notes`, as(apiKey))).status, 200);
    assert.equal((await call(`${app.url}/api/health`)).status, 200);
  });
});

describe("the database stops, then comes back", () => {
  test("writes and reads: 503 database_unavailable, and no row is written", async () => {
    const before = await countNotes();
    await postgres.stop();
    const write = await call(
      `${app.url}/api/notes`,
      send("POST", { title: "during", body: "the outage" }, user.accessToken),
    );
    assertUnavailable(write, "database_unavailable", "write");
    assertUnavailable(
      await call(`${app.url}/api/notes`, as(user.accessToken)),
      "database_unavailable",
      "read",
    );
    const health = await call(`${app.url}/api/health`);
    assert.deepEqual(health.body, { status: "degraded", core: "up", database: "down" });

    await postgres.start();
    assert.equal(await countNotes(), before, "a refused write left a row behind");
  });

  test("once it is back, the same app writes and reads again", async () => {
    const write = await call(
      `${app.url}/api/notes`,
      send("POST", { title: "after", body: "the outage" }, user.accessToken),
    );
    assert.equal(write.status, 201, write.text);
    const read = await call(`${app.url}/api/notes`, as(user.accessToken));
    const titles = (read.body as { notes: { title: string }[] }).notes.map((note) => note.title);
    assert.deepEqual(titles, ["after"]);
  });
});
