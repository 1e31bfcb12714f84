/**
 * Two `next start` instances, A and B, on one PostgreSQL and one core, as behind a load balancer:
 * a session made on A works on B (header and cookie mode), a note written on A is read on B,
 * concurrent writers over both store exactly the acknowledged notes, and killing A in the middle
 * of writes loses no acknowledged write while B keeps answering. Runs in `npm run test:api:pg`.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../../testing/postgres";
import { startStack, type Stack } from "../../testing/stack";
import { bearer, call, send } from "../../testing/http";
import { credentials, signUp, type TestUser } from "../../testing/users";

const needsPostgres = process.env.TEST_DATABASE_URL
  ? false
  : "PostgreSQL only: npm run test:api:pg";

describe("two instances, one database, one core", { skip: needsPostgres }, () => {
  let database: TestDatabase;
  let a: Stack;
  let b: Stack;
  let user: TestUser;

  before(async () => {
    database = await createTestDatabase();
    a = await startStack({ databaseUrl: database.url });
    // One public origin for both, as behind one load balancer.
    const env = { API_DOMAIN: a.appUrl, WEBSITE_DOMAIN: a.appUrl };
    b = await startStack({ databaseUrl: database.url, coreUrl: a.coreUrl, env });
    user = await signUp(a);
  });
  after(async () => {
    await b?.stop();
    await a?.stop(); // A's stack owns the core
    await database?.drop();
  });

  async function storedIds(): Promise<Set<string>> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>(
        "SELECT id FROM notes WHERE user_id = $1",
        [user.userId],
      );
      return new Set(rows.map((row) => row.id));
    } finally {
      await client.end();
    }
  }

  const write = (appUrl: string, title: string) =>
    call(`${appUrl}/api/notes`, send("POST", { title, body: "x" }, user.accessToken)).catch(
      () => undefined, // no answer: an instance that died
    );

  test("a session from A works on B, in header mode and with cookies", async () => {
    const header = await call(`${b.appUrl}/api/notes`, { headers: bearer(user.accessToken) });
    assert.equal(header.status, 200, header.text);

    const signIn = await call(`${a.appUrl}/api/auth/signin`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        rid: "emailpassword",
        "st-auth-mode": "cookie",
      },
      body: JSON.stringify(credentials(user.email)),
    });
    assert.equal(signIn.status, 200, signIn.text);
    const cookies = signIn.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; ");
    assert.match(cookies, /sAccessToken=/);
    const withCookies = await call(`${b.appUrl}/api/notes`, { headers: { cookie: cookies } });
    assert.equal(withCookies.status, 200, withCookies.text);
  });

  test("a note written on A is read on B", async () => {
    const written = await write(a.appUrl, "from A");
    assert.equal(written?.status, 201);
    const id = (written?.body as { id: string }).id;
    const read = await call(`${b.appUrl}/api/notes/${id}`, { headers: bearer(user.accessToken) });
    assert.equal(read.status, 200);
    assert.equal((read.body as { title: string }).title, "from A");
  });

  test("50 concurrent writers over A and B: as many rows as 2xx answers", async () => {
    const before = (await storedIds()).size;
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => write(i % 2 ? a.appUrl : b.appUrl, `burst ${i}`)),
    );
    const acknowledged = replies.filter(
      (reply) => reply && reply.status >= 200 && reply.status < 300,
    );
    assert.equal(acknowledged.length, 50, "every write answered 201");
    assert.equal((await storedIds()).size - before, acknowledged.length);
  });

  test("A killed (SIGKILL) in the middle of writes: no acknowledged write lost, B answers", async () => {
    const acknowledged: string[] = [];
    let killed = false;
    // 10 writers per instance, 10 writes each, one after another; A dies after 20 answers.
    const writer = async (appUrl: string, worker: number) => {
      for (let i = 0; i < 10; i++) {
        const reply = await write(appUrl, `kill ${worker}.${i}`);
        if (reply?.status === 201) acknowledged.push((reply.body as { id: string }).id);
        if (!killed && acknowledged.length >= 20) {
          killed = true;
          process.kill(a.appPid, "SIGKILL");
        }
      }
    };
    await Promise.all(
      Array.from({ length: 20 }, (_, worker) => writer(worker % 2 ? a.appUrl : b.appUrl, worker)),
    );
    assert.ok(killed, "A was killed during the run");
    const stored = await storedIds();
    const lost = acknowledged.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], "acknowledged writes missing from the database");
    const after = await call(`${b.appUrl}/api/notes?limit=1`, {
      headers: bearer(user.accessToken),
    });
    assert.equal(after.status, 200);
  });
});
