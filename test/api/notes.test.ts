/**
 * Notes: a per-user resource in SQLite behind `requireSession({ checkDatabase: true })`, with
 * schema-validated bodies, a body size limit, and 404 (never 403) for another user's note.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { ErrorBody } from "../../middleware/errors";
import type { Note, NotesPage as Page } from "../../server/db/notes";
import { bearer, call, send } from "../../testing/http";
import { useStack } from "../../testing/node";
import { signUp, type TestUser } from "../../testing/users";

const stack = useStack();
let alice: TestUser;
let bob: TestUser;
before(async () => {
  [alice, bob] = await Promise.all([signUp(stack), signUp(stack)]);
});

const url = (path: string) => `${stack.appUrl}${path}`;

async function create(user: TestUser, title: string, body = "Some text"): Promise<Note> {
  const reply = await call(url("/api/notes"), send("POST", { title, body }, user.accessToken));
  assert.equal(reply.status, 201, reply.text);
  return reply.body as Note;
}

describe("CRUD", () => {
  test("create, read, update, delete", async () => {
    const note = await create(alice, "  Groceries  ", "Milk, eggs");
    assert.equal(note.title, "Groceries");
    assert.equal(note.body, "Milk, eggs");
    assert.equal(note.createdAt, note.updatedAt);
    assert.ok(!Number.isNaN(Date.parse(note.createdAt)));

    const read = await call(url(`/api/notes/${note.id}`), { headers: bearer(alice.accessToken) });
    assert.deepEqual(read.body, note);

    const updated = await call(
      url(`/api/notes/${note.id}`),
      send("PATCH", { body: "Milk, eggs, bread" }, alice.accessToken),
    );
    assert.equal(updated.status, 200);
    const after = updated.body as Note;
    assert.equal(after.title, "Groceries");
    assert.equal(after.body, "Milk, eggs, bread");
    assert.ok(after.updatedAt >= note.updatedAt);

    const deleted = await call(url(`/api/notes/${note.id}`), {
      method: "DELETE",
      headers: bearer(alice.accessToken),
    });
    assert.equal(deleted.status, 204);
    assert.equal(deleted.text, "");
    const gone = await call(url(`/api/notes/${note.id}`), { headers: bearer(alice.accessToken) });
    assert.equal(gone.status, 404);
  });

  test("the list is paginated, newest first, with an opaque cursor", async () => {
    const user = await signUp(stack);
    const titles = ["one", "two", "three", "four", "five"];
    for (const title of titles) await create(user, title);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=2&cursor=${cursor}` : "limit=2";
      const reply = await call(url(`/api/notes?${query}`), { headers: bearer(user.accessToken) });
      assert.equal(reply.status, 200);
      const page = reply.body as Page;
      assert.ok(page.notes.length <= 2);
      seen.push(...page.notes.map((note) => note.title));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...titles].reverse());
  });

  test("bad list parameters get 400 naming them", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=abc", "limit"],
      ["limit=1000", "limit"],
      ["cursor=nonsense", "cursor"],
    ]) {
      const reply = await call(url(`/api/notes?${query}`), { headers: bearer(alice.accessToken) });
      assert.equal(reply.status, 400, query);
      assert.match((reply.body as ErrorBody).error.message, new RegExp(`^${field}: `));
    }
  });

  test("a cursor the API never returned gets 400, whatever it decodes to", async () => {
    const wrongShape = Buffer.from(JSON.stringify({ after: 1 })).toString("base64url");
    for (const cursor of ["nonsense", "", wrongShape]) {
      const reply = await call(url(`/api/notes?cursor=${cursor}`), {
        headers: bearer(alice.accessToken),
      });
      assert.equal(reply.status, 400, cursor);
      assert.deepEqual(reply.body, {
        error: { code: "invalid_input", message: "cursor: is not a cursor this API returned" },
      });
    }
  });
});

describe("another user's note is not found", () => {
  test("read, update and delete all answer 404, and the note is unchanged", async () => {
    const secret = await create(alice, "Alice's secret");
    const attempts = [
      { headers: bearer(bob.accessToken) },
      send("PATCH", { title: "Mine now" }, bob.accessToken),
      { method: "DELETE", headers: bearer(bob.accessToken) },
    ];
    for (const init of attempts) {
      const reply = await call(url(`/api/notes/${secret.id}`), init);
      assert.equal(reply.status, 404, init.method ?? "GET");
      assert.deepEqual(reply.body, { error: { code: "not_found", message: "Not found" } });
    }
    const list = await call(url("/api/notes?limit=100"), { headers: bearer(bob.accessToken) });
    assert.ok(!(list.body as Page).notes.some((note) => note.id === secret.id));
    const still = await call(url(`/api/notes/${secret.id}`), {
      headers: bearer(alice.accessToken),
    });
    assert.deepEqual(still.body, secret);
  });
});

describe("bad requests get the JSON error shape", () => {
  const post = (init: RequestInit) =>
    call(url("/api/notes"), {
      method: "POST",
      ...init,
      headers: { ...bearer(alice.accessToken), ...(init.headers as Record<string, string>) },
    });

  test("a missing or empty field: 400 naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ body: "text" }, "title: is required"],
      [{ title: "", body: "text" }, "title: must not be empty"],
      [{ title: "Title" }, "body: is required"],
      [{ title: "Title", body: 42 }, "body: must be a string"],
      [{ title: "x".repeat(201), body: "text" }, "title: must be at most 200 characters"],
    ];
    for (const [input, message] of cases) {
      const reply = await call(url("/api/notes"), send("POST", input, alice.accessToken));
      assert.equal(reply.status, 400, JSON.stringify(input));
      assert.deepEqual(reply.body, { error: { code: "invalid_input", message } });
    }
  });

  test("malformed JSON: 400 invalid_json (not Next's plain-text answer)", async () => {
    const reply = await post({
      headers: { "content-type": "application/json" },
      body: '{"title": ',
    });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.body, {
      error: { code: "invalid_json", message: "The body is not valid JSON" },
    });
  });

  test("a wrong content type: 400 unsupported_content_type", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const reply = await post({ headers: { "content-type": type }, body: "title=x&body=y" });
      assert.equal(reply.status, 400, type);
      assert.equal((reply.body as ErrorBody).error.code, "unsupported_content_type");
    }
  });

  test("an oversized body: 413 payload_too_large (not Next's plain-text answer)", async () => {
    const reply = await post({
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Big", body: "x".repeat(100_000) }),
    });
    assert.equal(reply.status, 413);
    assert.deepEqual(reply.body, {
      error: { code: "payload_too_large", message: "The body must be at most 64kb" },
    });
  });

  test("an unknown method: 405 with Allow", async () => {
    const list = await call(url("/api/notes"), {
      method: "PUT",
      headers: bearer(alice.accessToken),
    });
    assert.equal(list.status, 405);
    assert.equal(list.headers.get("allow"), "OPTIONS, GET, HEAD, POST");
    assert.deepEqual(list.body, {
      error: { code: "method_not_allowed", message: "PUT is not allowed here" },
    });
    const one = await call(url("/api/notes/x"), {
      method: "POST",
      headers: bearer(alice.accessToken),
    });
    assert.equal(one.status, 405);
    assert.equal(one.headers.get("allow"), "OPTIONS, GET, HEAD, PATCH, DELETE");
  });

  test("an unknown id: 404", async () => {
    const reply = await call(url("/api/notes/does-not-exist"), {
      headers: bearer(alice.accessToken),
    });
    assert.equal(reply.status, 404);
  });
});
