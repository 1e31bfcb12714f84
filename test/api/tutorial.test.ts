/**
 * The tutorial's exercise works as step 3 says (docs/tutorial/03-add-your-own-route.md):
 * `GET /api/stats` is refused without a session and, with one, counts the user's signed-in devices.
 * A reader checks their own version of the route by naming it:
 * `STATS_ROUTE=/api/my-stats node --import tsx --test test/api/tutorial.test.ts`.
 */
// #region setup
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SessionStats } from "../../pages/api/stats";
import { bearer, call } from "../../testing/http";
import { useStack } from "../../testing/node";
import { signOut } from "../../testing/session";
import { signIn, signUp } from "../../testing/users";

const stack = useStack();
// #endregion setup

// #region devices
// The solution by default; STATS_ROUTE=/api/my-stats checks yours.
const route = process.env.STATS_ROUTE ?? "/api/stats";

async function stats(accessToken: string): Promise<SessionStats> {
  const reply = await call(`${stack.appUrl}${route}`, { headers: bearer(accessToken) });
  assert.equal(reply.status, 200, reply.text);
  return reply.body as SessionStats;
}

test("signing in on a second device counts it, signing out there uncounts it", async () => {
  const laptop = await signUp(stack);
  const phone = await signIn(stack, laptop.email);
  assert.equal((await stats(laptop.accessToken)).activeSessions, 2);
  assert.equal((await stats(phone.accessToken)).activeSessions, 2);

  await signOut(stack, phone.accessToken);
  assert.equal((await stats(laptop.accessToken)).activeSessions, 1);
  const someoneElse = await signUp(stack);
  assert.equal((await stats(someoneElse.accessToken)).activeSessions, 1);
});
// #endregion devices

test("anonymous callers get SuperTokens' 401, which makes the browser SDK refresh or sign in", async () => {
  const reply = await call(`${stack.appUrl}${route}`);
  assert.equal(reply.status, 401);
  assert.deepEqual(reply.body, { message: "unauthorised" });
});

test("a signed-in user sees their own session: who, since when, on how many devices", async () => {
  const startedBefore = Date.now();
  const user = await signUp(stack);
  const body = await stats(user.accessToken);
  assert.equal(body.userId, user.userId);
  assert.equal(body.activeSessions, 1);
  const startedAt = Date.parse(body.sessionStartedAt);
  assert.ok(startedAt >= startedBefore - 1_000 && startedAt <= Date.now(), body.sessionStartedAt);
});

test("a method the route does not declare gets 405 with Allow", async () => {
  const user = await signUp(stack);
  const reply = await call(`${stack.appUrl}${route}`, {
    method: "POST",
    headers: bearer(user.accessToken),
  });
  assert.equal(reply.status, 405);
  assert.equal(reply.headers.get("allow"), "OPTIONS, GET, HEAD");
});
