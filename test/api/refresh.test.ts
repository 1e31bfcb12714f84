/**
 * An expired access token: SuperTokens answers 401 "try refresh token", the refresh endpoint issues
 * a new pair, and the retry succeeds. This is the contract the frontend SDK relies on, and the
 * reason app code never answers 401 itself. The core here signs two-second tokens, so that one
 * test can also let a token expire by itself and show the kit's `expireAccessToken` is the same.
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import { bearer, call } from "../../testing/http";
import { useStack } from "../../testing/node";
import { expireAccessToken, refresh } from "../../testing/session";
import { signUp } from "../../testing/users";

const stack = useStack({ coreConfig: { access_token_validity: 2 } });
const routes = ["/api/user", "/api/notes", "/api/me"];

// #region expire
test("expired token: 401 try refresh token, then refresh and retry succeed", async () => {
  const user = await signUp(stack);
  const fresh = await call(`${stack.appUrl}/api/notes`, { headers: bearer(user.accessToken) });
  assert.equal(fresh.status, 200);

  const expired = await expireAccessToken(stack, user.accessToken);
  for (const path of routes) {
    const reply = await call(`${stack.appUrl}${path}`, { headers: bearer(expired) });
    assert.equal(reply.status, 401, path);
    assert.deepEqual(reply.body, { message: "try refresh token" });
  }

  const renewed = await refresh(stack, user.refreshToken);
  assert.notEqual(renewed.accessToken, user.accessToken);
  for (const path of routes) {
    const retry = await call(`${stack.appUrl}${path}`, { headers: bearer(renewed.accessToken) });
    assert.equal(retry.status, 200, path);
  }
});
// #endregion expire

test("a token whose lifetime ran out gets the same answer as one the kit expired", async () => {
  const user = await signUp(stack);
  const expiredByKit = await expireAccessToken(stack, user.accessToken);
  await sleep(3_100); // two-second tokens; exp has whole-second precision
  for (const token of [user.accessToken, expiredByKit]) {
    const reply = await call(`${stack.appUrl}/api/user`, { headers: bearer(token) });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, { message: "try refresh token" });
  }
  // Either way the session lives on: the refresh token still works.
  const renewed = await refresh(stack, user.refreshToken);
  const retry = await call(`${stack.appUrl}/api/user`, { headers: bearer(renewed.accessToken) });
  assert.equal(retry.status, 200);
});

test("a refresh token used twice after rotation is theft: 401 and the session ends", async () => {
  const user = await signUp(stack);
  const first = await refresh(stack, user.refreshToken);
  // Using the child token promotes it; the parent token is then stale.
  const second = await refresh(stack, first.refreshToken);
  const replay = await call(`${stack.appUrl}/api/auth/session/refresh`, {
    method: "POST",
    headers: { ...bearer(user.refreshToken), "st-auth-mode": "header" },
  });
  assert.equal(replay.status, 401);
  assert.deepEqual(replay.body, { message: "token theft detected" });
  const strict = await call(`${stack.appUrl}/api/user/strict`, {
    headers: bearer(second.accessToken),
  });
  assert.equal(strict.status, 401);
});
