/**
 * An expired access token, with two-second tokens from the core: SuperTokens answers 401
 * "try refresh token", the refresh endpoint issues a new pair, and the retry succeeds. This is the
 * contract the frontend SDK relies on, and the reason app code never answers 401 itself.
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, test } from "node:test";
import { startStack, type Stack } from "../../testing/stack";
import { bearer, call, refresh, signUp } from "./helpers";

let stack: Stack;
before(async () => {
  stack = await startStack({ coreConfig: { access_token_validity: 2 } });
});
after(() => stack?.stop());

test("expired token: 401 try refresh token, then refresh and retry succeed", async () => {
  const user = await signUp(stack.appUrl);
  assert.equal(
    (await call(`${stack.appUrl}/api/notes`, { headers: bearer(user.accessToken) })).status,
    200,
  );

  await sleep(3_100); // exp has whole-second precision
  for (const path of ["/api/user", "/api/notes", "/api/me"]) {
    const expired = await call(`${stack.appUrl}${path}`, { headers: bearer(user.accessToken) });
    assert.equal(expired.status, 401, path);
    assert.deepEqual(expired.body, { message: "try refresh token" });
  }

  const renewed = await refresh(stack.appUrl, user.refreshToken);
  assert.notEqual(renewed.accessToken, user.accessToken);
  for (const path of ["/api/user", "/api/notes", "/api/me"]) {
    const retry = await call(`${stack.appUrl}${path}`, { headers: bearer(renewed.accessToken) });
    assert.equal(retry.status, 200, path);
  }
});

test("a refresh token used twice after rotation is theft: 401 and the session ends", async () => {
  const user = await signUp(stack.appUrl);
  const first = await refresh(stack.appUrl, user.refreshToken);
  // Using the child token promotes it; the parent token is then stale.
  const second = await refresh(stack.appUrl, first.refreshToken);
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
