/**
 * The data layer tells "that email is taken" (a UNIQUE constraint) from a fault: only the first
 * becomes EMAIL_ALREADY_EXISTS_ERROR at the route; a read-only or broken database is an error.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { SqliteError } from "better-sqlite3";
import { afterEach, beforeEach, describe, test } from "node:test";
import { openDatabase, type Db } from "../db/schema";
import { createStore, type Store } from "../db/store";
import type { RunningCore } from "../server";
import { coreCall, createApp, PASSWORD, startTestCore } from "./helpers";

const user = (email: string) => ({
  user_id: randomUUID(),
  email,
  password_hash: "not-a-real-hash",
  time_joined: Date.now(),
});

describe("the users table's answers", () => {
  let db: Db;
  let store: Store;
  beforeEach(() => {
    db = openDatabase({ inMemory: true });
    store = createStore(db);
  });
  afterEach(() => db.close());

  test("an email taken in the tenant is a duplicate, in every write that sets one", () => {
    const alice = user("a@example.com");
    const bob = user("b@example.com");
    assert.equal(store.users.insert("app", "public", alice), "ok");
    assert.equal(store.users.insert("app", "public", bob), "ok");
    assert.equal(store.users.insert("app", "public", user("a@example.com")), "duplicate");
    assert.equal(store.users.updateEmail("app", bob.user_id, "a@example.com"), "duplicate");
    assert.equal(store.users.byId("app", bob.user_id)?.email, "b@example.com", "nothing written");

    assert.equal(store.users.insert("app", "team", user("b@example.com")), "ok");
    assert.equal(store.users.addToTenant("app", "team", bob.user_id, bob.email), "duplicate");
    assert.equal(store.users.addToTenant("app", "team", alice.user_id, alice.email), "ok");
  });

  test("any other failure is thrown, never reported as a taken email", () => {
    const alice = user("a@example.com");
    assert.equal(store.users.insert("app", "public", alice), "ok");
    // The same user id again: a primary key clash is a bug, not a taken email.
    assert.throws(
      () =>
        store.users.insert("app", "public", { ...user("new@example.com"), user_id: alice.user_id }),
      (error) => error instanceof SqliteError && error.code === "SQLITE_CONSTRAINT_PRIMARYKEY",
    );
    db.pragma("query_only = ON"); // a database that refuses writes, like a read-only disk
    for (const write of [
      () => store.users.insert("app", "public", user("c@example.com")),
      () => store.users.addToTenant("app", "team", alice.user_id, alice.email),
      () => store.users.updateEmail("app", alice.user_id, "d@example.com"),
    ]) {
      assert.throws(
        write,
        (error) => error instanceof SqliteError && error.code === "SQLITE_READONLY",
      );
    }
  });
});

describe("POST /recipe/multitenancy/tenant/user", () => {
  let core: RunningCore;
  beforeEach(async () => {
    core = await startTestCore();
  });
  afterEach(() => core.close());

  test("answers EMAIL_ALREADY_EXISTS_ERROR only when the tenant has that email", async () => {
    const app = await createApp(core);
    await coreCall(`${app}/recipe/multitenancy/tenant/v2`, {
      method: "PUT",
      body: { tenantId: "team" },
    });
    const signUp = async (tenant: string, email: string) => {
      const res = await coreCall(`${app}/${tenant}/recipe/signup`, {
        body: { email, password: PASSWORD },
      });
      return (res.body as { user: { id: string } }).user.id;
    };
    const publicAlice = await signUp("public", "alice@example.com");
    await signUp("team", "alice@example.com");
    const publicBob = await signUp("public", "bob@example.com");
    const associate = async (recipeUserId: string) =>
      (await coreCall(`${app}/team/recipe/multitenancy/tenant/user`, { body: { recipeUserId } }))
        .body;

    assert.deepEqual(await associate(publicAlice), { status: "EMAIL_ALREADY_EXISTS_ERROR" });
    assert.deepEqual(await associate(publicBob), { status: "OK", wasAlreadyAssociated: false });
    assert.deepEqual(await associate(publicBob), { status: "OK", wasAlreadyAssociated: true });
  });
});
