/**
 * The app's database does not answer (a PostgreSQL port where nothing listens): routes that need
 * it answer 503 `database_unavailable` with Retry-After, at once, never a 500. Served in process,
 * with the local core in memory; the session comes from the SDK, since sign-up counts attempts in
 * the database (rate limits) and so answers 503 too.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startCore, type RunningCore } from "../../core/server";
import { freePort } from "../../testing/stack";
import Session from "supertokens-node/recipe/session";
import EmailPassword from "supertokens-node/recipe/emailpassword";
import { call, send } from "../../testing/http";
import { serveInProcess, type InProcessApp } from "../../testing/in-process";
import { useTempDir } from "../../testing/node";
import { credentials, PASSWORD, uniqueEmail } from "../../testing/users";

const dataDir = useTempDir("api-db-down");
let core: RunningCore;
let app: InProcessApp;

before(async () => {
  core = await startCore({ port: 0, inMemory: true });
  Object.assign(process.env, {
    SUPERTOKENS_CONNECTION_URI: core.url,
    DATABASE_URL: `postgres://app:secret@127.0.0.1:${await freePort()}/notes`,
    DATA_DIR: dataDir,
  });
  app = await serveInProcess({
    "/api/auth/*": await import("../../pages/api/auth/[[...path]]"),
    "/api/notes": await import("../../pages/api/notes/index"),
  });
});
after(async () => {
  await app?.close();
  await core?.close();
});

test("writing and reading notes: 503 database_unavailable with Retry-After", async () => {
  // The routes imported above have initialised the SDK with this test's core.
  const signUp = await EmailPassword.signUp("public", uniqueEmail(), PASSWORD);
  assert.equal(signUp.status, "OK");
  const session = await Session.createNewSessionWithoutRequestResponse(
    "public",
    signUp.recipeUserId,
  );
  const token = session.getAccessToken();

  const signUpReply = await call(
    `${app.url}/api/auth/signup`,
    send("POST", credentials(uniqueEmail())),
  );
  const writes = await call(`${app.url}/api/notes`, send("POST", { title: "t", body: "b" }, token));
  const reads = await call(`${app.url}/api/notes`, send("GET", undefined, token));
  for (const reply of [signUpReply, writes, reads]) {
    assert.equal(reply.status, 503);
    assert.equal((reply.body as { error: { code: string } }).error.code, "database_unavailable");
    assert.match(reply.headers.get("retry-after") ?? "", /^\d+$/);
  }
});
