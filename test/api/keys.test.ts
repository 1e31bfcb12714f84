/**
 * API keys: created, listed and revoked with a session only; accepted by /api/notes and /api/me
 * with the right scope; refused (401 invalid_api_key / 403 insufficient_scope) otherwise; stored
 * as a hash. Runs on SQLite (`npm run test:api`) and PostgreSQL (`npm run test:api:pg`).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { after, before, describe, test } from "node:test";
import type { ErrorBody } from "../../middleware/errors";
import type { ApiKey, CreatedApiKey } from "../../server/db/api-keys";
import type { Note, NotesPage } from "../../server/db/notes";
import { openDatabase, type AppDatabase } from "../../server/db/open";
import type { ApiKeyScope } from "../../server/schemas/api-key";
import { startStack, type Stack } from "../../testing/stack";
import { bearer, call, send } from "../../testing/http";
import { signUp, type TestUser } from "../../testing/users";

let stack: Stack;
let database: AppDatabase;
let alice: TestUser;
let bob: TestUser;
/** Requests per key per minute in this suite: above what any other test sends with one key. */
const keyLimit = 8;

before(async () => {
  stack = await startStack({ env: { RATE_LIMIT_API_KEY_PER_MINUTE: String(keyLimit) } });
  database = openDatabase({ dataDir: stack.dataDir, databaseUrl: stack.databaseUrl });
  [alice, bob] = await Promise.all([signUp(stack), signUp(stack)]);
});
after(async () => {
  await database?.db.destroy();
  await stack?.stop();
});

const url = (path: string) => `${stack.appUrl}${path}`;

async function createKey(
  user: TestUser,
  scopes: ApiKeyScope[],
  expiresInDays: 30 | 90 | null = 30,
): Promise<CreatedApiKey> {
  const reply = await call(
    url("/api/keys"),
    send("POST", { name: `key for ${scopes.join(" ")}`, scopes, expiresInDays }, user.accessToken),
  );
  assert.equal(reply.status, 201, reply.text);
  return reply.body as CreatedApiKey;
}

async function listKeys(user: TestUser): Promise<ApiKey[]> {
  const reply = await call(url("/api/keys"), { headers: bearer(user.accessToken) });
  assert.equal(reply.status, 200, reply.text);
  return (reply.body as { apiKeys: ApiKey[] }).apiKeys;
}

function assertInvalidKey(reply: { status: number; headers: Headers; body: unknown }) {
  assert.equal(reply.status, 401);
  assert.equal((reply.body as ErrorBody).error.code, "invalid_api_key");
  assert.equal(reply.headers.get("www-authenticate"), 'Bearer error="invalid_token"');
}

describe("creating and listing keys", () => {
  test("POST /api/keys answers the secret once, with the key's details", async () => {
    const before = Date.now();
    const { key, apiKey } = await createKey(alice, ["notes:read", "notes:write"], 30);
    assert.match(key, /^nsk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    assert.equal(apiKey.prefix, key.slice(0, 16));
    assert.deepEqual(apiKey.scopes, ["notes:read", "notes:write"]);
    assert.equal(apiKey.lastUsedAt, null);
    const created = Date.parse(apiKey.createdAt);
    assert.ok(created >= before - 1000 && created <= Date.now() + 1000);
    assert.equal(Date.parse(apiKey.expiresAt ?? ""), created + 30 * 24 * 60 * 60 * 1000);

    const never = await createKey(alice, ["profile:read"], null);
    assert.equal(never.apiKey.expiresAt, null);
  });

  test("GET /api/keys lists the user's keys, newest first, never a secret", async () => {
    const user = await signUp(stack);
    const first = await createKey(user, ["notes:read"]);
    const second = await createKey(user, ["profile:read"], 90);
    const reply = await call(url("/api/keys"), { headers: bearer(user.accessToken) });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { apiKeys: [second.apiKey, first.apiKey] });
    for (const { key } of [first, second]) {
      assert.ok(!reply.text.includes(key.slice(17)), "the secret part is in the list");
    }
  });

  test("bad input: 400 naming the field, and nothing is created", async () => {
    const user = await signUp(stack);
    const cases: [unknown, RegExp][] = [
      [{ scopes: ["notes:read"], expiresInDays: 30 }, /^name: is required$/],
      [{ name: "x", scopes: [], expiresInDays: 30 }, /^scopes: choose at least one scope$/],
      [{ name: "x", scopes: ["admin"], expiresInDays: 30 }, /^scopes\.0: must be one of/],
      [{ name: "x", scopes: ["notes:read"], expiresInDays: 7 }, /^expiresInDays: /],
      [{ name: "x", scopes: ["notes:read"], expiresInDays: 30, key: "mine" }, /^body: /],
    ];
    for (const [input, message] of cases) {
      const reply = await call(url("/api/keys"), send("POST", input, user.accessToken));
      assert.equal(reply.status, 400, JSON.stringify(input));
      assert.equal((reply.body as ErrorBody).error.code, "invalid_input");
      assert.match((reply.body as ErrorBody).error.message, message);
    }
    assert.deepEqual(await listKeys(user), []);
  });
});

describe("using a key", () => {
  test("reads and writes notes with notes:read and notes:write", async () => {
    const { key } = await createKey(alice, ["notes:read", "notes:write"]);
    const created = await call(
      url("/api/notes"),
      send("POST", { title: "From a script", body: "Hi" }, key),
    );
    assert.equal(created.status, 201, created.text);
    const note = created.body as Note;

    const list = await call(url("/api/notes"), { headers: bearer(key) });
    assert.equal(list.status, 200);
    assert.ok((list.body as NotesPage).notes.some((n) => n.id === note.id));

    const patched = await call(
      url(`/api/notes/${note.id}`),
      send("PATCH", { body: "Edited" }, key),
    );
    assert.equal(patched.status, 200);
    // The same note, seen through the owner's session.
    const seen = await call(url(`/api/notes/${note.id}`), { headers: bearer(alice.accessToken) });
    assert.equal((seen.body as Note).body, "Edited");

    const deleted = await call(url(`/api/notes/${note.id}`), {
      method: "DELETE",
      headers: bearer(key),
    });
    assert.equal(deleted.status, 204);
  });

  test("GET /api/me with profile:read answers the key's owner", async () => {
    const { key } = await createKey(alice, ["profile:read"]);
    const reply = await call(url("/api/me"), { headers: bearer(key) });
    assert.equal(reply.status, 200, reply.text);
    assert.equal((reply.body as { id: string }).id, alice.userId);
  });

  test("lastUsedAt is recorded, at most once a minute, and again after it", async () => {
    const user = await signUp(stack);
    const { key } = await createKey(user, ["notes:read"]);
    assert.equal((await call(url("/api/notes"), { headers: bearer(key) })).status, 200);
    const [used] = await listKeys(user);
    assert.ok(used?.lastUsedAt, "lastUsedAt is set after a use");
    assert.equal((await call(url("/api/notes"), { headers: bearer(key) })).status, 200);
    const [again] = await listKeys(user);
    assert.equal(again?.lastUsedAt, used.lastUsedAt);

    // A minute later (the stored time moved back, rather than a test that waits), a use counts again.
    const aMinuteAgo = Date.parse(used.lastUsedAt) - 61_000;
    await database.db
      .updateTable("api_keys")
      .set({ last_used_at: aMinuteAgo })
      .where("user_id", "=", user.userId)
      .execute();
    assert.equal((await call(url("/api/notes"), { headers: bearer(key) })).status, 200);
    const [later] = await listKeys(user);
    assert.ok(Date.parse(later?.lastUsedAt ?? "") > aMinuteAgo, `${later?.lastUsedAt}`);
  });

  test("each key has its own rate limit; other keys and sessions are not counted in it", async () => {
    const user = await signUp(stack);
    const [busy, other] = [
      await createKey(user, ["notes:read"]),
      await createKey(user, ["notes:read"]),
    ];
    for (let i = 0; i < keyLimit; i++) {
      const reply = await call(url("/api/notes"), { headers: bearer(busy.key) });
      assert.equal(reply.status, 200, `request ${i + 1}`);
      assert.match(
        reply.headers.get("ratelimit") ?? "",
        new RegExp(`^"api-key";r=${keyLimit - i - 1};`),
      );
    }
    const refused = await call(url("/api/notes"), { headers: bearer(busy.key) });
    assert.equal(refused.status, 429);
    assert.equal((refused.body as ErrorBody).error.code, "rate_limited");
    assert.ok(Number(refused.headers.get("retry-after")) > 0);

    assert.equal((await call(url("/api/notes"), { headers: bearer(other.key) })).status, 200);
    assert.equal(
      (await call(url("/api/notes"), { headers: bearer(user.accessToken) })).status,
      200,
    );
  });

  test("another user's note is 404 through a key too, and stays unchanged", async () => {
    const { key } = await createKey(alice, ["notes:read", "notes:write"]);
    const bobs = await call(
      url("/api/notes"),
      send("POST", { title: "Bob's", body: "private" }, bob.accessToken),
    );
    const note = bobs.body as Note;
    for (const init of [
      { headers: bearer(key) },
      send("PATCH", { title: "Mine now" }, key),
      { method: "DELETE", headers: bearer(key) },
    ]) {
      const reply = await call(url(`/api/notes/${note.id}`), init);
      assert.equal(reply.status, 404, init.method ?? "GET");
    }
    const still = await call(url(`/api/notes/${note.id}`), { headers: bearer(bob.accessToken) });
    assert.deepEqual(still.body, note);
  });
});

describe("keys that are refused", () => {
  test("a missing scope: 403 insufficient_scope naming it, and nothing is written", async () => {
    const { key } = await createKey(alice, ["notes:read"]);
    const write = await call(url("/api/notes"), send("POST", { title: "No", body: "No" }, key));
    assert.equal(write.status, 403);
    assert.deepEqual(write.body, {
      error: { code: "insufficient_scope", message: "This API key lacks the scope notes:write" },
    });
    assert.equal(
      write.headers.get("www-authenticate"),
      'Bearer error="insufficient_scope", scope="notes:write"',
    );
    const me = await call(url("/api/me"), { headers: bearer(key) });
    assert.equal(me.status, 403);
    assert.match((me.body as ErrorBody).error.message, /profile:read/);

    const notes = await call(url("/api/notes?limit=100"), { headers: bearer(alice.accessToken) });
    assert.ok(!(notes.body as NotesPage).notes.some((n) => n.title === "No"));
  });

  test("unknown, malformed and wrong-secret keys: 401 invalid_api_key", async () => {
    const { key } = await createKey(alice, ["notes:read"]);
    const wrongSecret = `${key.slice(0, 17)}${"A".repeat(43)}`;
    const unknown = `nsk_000000000000_${"B".repeat(43)}`;
    for (const presented of [wrongSecret, unknown, "nsk_short", `${key}x`]) {
      assertInvalidKey(await call(url("/api/notes"), { headers: bearer(presented) }));
    }
  });

  test("a revoked key is refused on its next request", async () => {
    const user = await signUp(stack);
    const { key, apiKey } = await createKey(user, ["notes:read"]);
    assert.equal((await call(url("/api/notes"), { headers: bearer(key) })).status, 200);
    const revoked = await call(url(`/api/keys/${apiKey.id}`), {
      method: "DELETE",
      headers: bearer(user.accessToken),
    });
    assert.equal(revoked.status, 204);
    assertInvalidKey(await call(url("/api/notes"), { headers: bearer(key) }));
    assert.deepEqual(await listKeys(user), []);
  });

  test("an expired key is refused", async () => {
    const { key, apiKey } = await createKey(alice, ["notes:read"], 30);
    assert.equal((await call(url("/api/notes"), { headers: bearer(key) })).status, 200);
    // Thirty days pass: the stored expiry is moved to just now, in the app's own database.
    await database.db
      .updateTable("api_keys")
      .set({ expires_at: Date.now() - 1 })
      .where("id", "=", apiKey.id)
      .execute();
    assertInvalidKey(await call(url("/api/notes"), { headers: bearer(key) }));
  });

  test("a key whose user was deleted is refused", async () => {
    const carol = await signUp(stack);
    const { key } = await createKey(carol, ["notes:read"]);
    const removed = await call(`${stack.coreUrl}/user/remove`, {
      method: "POST",
      headers: { "content-type": "application/json", "cdi-version": "5.4" },
      body: JSON.stringify({ userId: carol.userId }),
    });
    assert.equal(removed.status, 200, removed.text);
    assertInvalidKey(await call(url("/api/notes"), { headers: bearer(key) }));
  });
});

describe("keys manage nothing", () => {
  test("another user's key id: 404, and the key keeps working", async () => {
    const { key, apiKey } = await createKey(alice, ["notes:read"]);
    const reply = await call(url(`/api/keys/${apiKey.id}`), {
      method: "DELETE",
      headers: bearer(bob.accessToken),
    });
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, { error: { code: "not_found", message: "Not found" } });
    assert.equal((await call(url("/api/notes"), { headers: bearer(key) })).status, 200);
  });

  test("a key cannot list, create or revoke keys, nor edit the profile", async () => {
    const user = await signUp(stack);
    const { key, apiKey } = await createKey(user, ["notes:read", "notes:write", "profile:read"]);
    const attempts: [string, RequestInit][] = [
      ["/api/keys", { headers: bearer(key) }],
      ["/api/keys", send("POST", { name: "x", scopes: ["notes:read"], expiresInDays: 30 }, key)],
      [`/api/keys/${apiKey.id}`, { method: "DELETE", headers: bearer(key) }],
      ["/api/me", send("PATCH", { firstName: "Script" }, key)],
    ];
    for (const [path, init] of attempts) {
      const reply = await call(url(path), init);
      assert.equal(reply.status, 403, `${init.method ?? "GET"} ${path}`);
      assert.equal((reply.body as ErrorBody).error.code, "session_required");
    }
    assert.deepEqual(
      (await listKeys(user)).map((k) => k.id),
      [apiKey.id],
    );
  });

  test("a SuperTokens access token in header mode goes to the session check", async () => {
    // A valid one is a session, with every scope.
    const ok = await call(url("/api/notes"), { headers: bearer(alice.accessToken) });
    assert.equal(ok.status, 200);
    // A broken one gets the SDK's 401, which makes its frontend refresh: not invalid_api_key.
    const broken = `${alice.accessToken.slice(0, -4)}AAAA`;
    const reply = await call(url("/api/notes"), { headers: bearer(broken) });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, { message: "try refresh token" });
    assert.equal(reply.headers.get("www-authenticate"), null);
  });
});

test("the database holds no usable secret", async () => {
  const user = await signUp(stack);
  const { key, apiKey } = await createKey(user, ["notes:read"]);
  const secret = key.slice(17);
  const rows = await database.db
    .selectFrom("api_keys")
    .selectAll()
    .where("user_id", "=", user.userId)
    .execute();
  assert.equal(rows.length, 1);
  const stored = JSON.stringify(rows);
  assert.ok(!stored.includes(secret), "the secret is stored");
  assert.ok(!stored.includes(key), "the key is stored");
  assert.equal(rows[0]?.prefix, apiKey.prefix);
  assert.match(rows[0]?.secret_hash ?? "", /^[0-9a-f]{64}$/);
});

describe("the tutorial's scripts (docs/tutorial/11-api-keys.md)", () => {
  const run = (file: string, args: string[], key: string) =>
    promisify(execFile)(file, args, {
      env: { ...process.env, NOTES_API_KEY: key, API_URL: stack.appUrl },
      timeout: 30_000,
    });

  test("notes.ts adds a note with Node's fetch, then lists it", async () => {
    const user = await signUp(stack);
    const { key } = await createKey(user, ["notes:read", "notes:write"]);
    const script = ["--import", "tsx", "examples/api-key/notes.ts", "Backup done", "42 files"];
    const { stdout } = await run(process.execPath, script, key);
    assert.match(stdout, /^added [0-9a-f-]{36}$/m);
    assert.match(stdout, /^\S+ {2}Backup done$/m);
  });

  test("notes.ts says why when the key is refused", async () => {
    const user = await signUp(stack);
    const { key } = await createKey(user, ["notes:read"]);
    const script = ["--import", "tsx", "examples/api-key/notes.ts", "Not allowed"];
    await assert.rejects(run(process.execPath, script, key), (error: { stderr: string }) => {
      assert.match(error.stderr, /POST \/notes: 403 insufficient_scope: .*notes:write/);
      return true;
    });
  });

  test("notes.sh does the same with curl", async () => {
    const user = await signUp(stack);
    const { key } = await createKey(user, ["notes:read", "notes:write"]);
    const { stdout } = await run("sh", ["examples/api-key/notes.sh"], key);
    const [created, list] = stdout.trim().split("\n");
    assert.equal((JSON.parse(created ?? "") as Note).title, "From curl");
    const notes = (JSON.parse(list ?? "") as NotesPage).notes;
    assert.deepEqual(
      notes.map((note) => note.title),
      ["From curl"],
    );
  });
});
