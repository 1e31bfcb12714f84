/**
 * The test-only route the kit uses to expire an access token now (core/recipes/testing.ts): off
 * unless asked for, and what it returns is the same session's token, expired, that the SDK refuses
 * with "try refresh token" while the session's refresh token keeps working.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { convertToRecipeUserId } from "supertokens-node";
import Session from "supertokens-node/recipe/session";
import type { RunningCore } from "../server";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { coreCall, initSdk, startTestCore } from "./helpers";

let core: RunningCore;
let plain: RunningCore;
before(async () => {
  [core, plain] = await Promise.all([startTestCore({ testRoutes: true }), startTestCore()]);
  initSdk(core.url);
});
after(() => Promise.all([core.close(), plain.close()]));

const expire = (url: string, accessToken: string) =>
  coreCall(`${url}/test/session/expire-access-token`, { body: { accessToken } });

test("a core started without testRoutes does not know the route", async () => {
  assert.equal((await expire(plain.url, "x")).status, 404);
});

test("the same session's token, expired; refused by the SDK, and the refresh still works", async () => {
  const session = await Session.createNewSessionWithoutRequestResponse(
    "public",
    convertToRecipeUserId("user-1"),
    { note: "kept" },
  );
  const { accessToken, refreshToken } = session.getAllSessionTokensDangerously();
  const reply = await expire(core.url, accessToken);
  assert.equal(reply.status, 200);
  const expired = (reply.body as { accessToken: { token: string } }).accessToken.token;

  assert.deepEqual(decodeProtectedHeader(expired), decodeProtectedHeader(accessToken));
  const before = decodeJwt(accessToken);
  const after = decodeJwt(expired);
  assert.deepEqual({ ...after, exp: 0, iat: 0 }, { ...before, exp: 0, iat: 0 });
  assert.ok(Number(after.exp) * 1000 < Date.now());

  await assert.rejects(Session.getSessionWithoutRequestResponse(expired), (error: Error) => {
    assert.equal((error as Error & { type: string }).type, Session.Error.TRY_REFRESH_TOKEN);
    return true;
  });
  const refreshed = await Session.refreshSessionWithoutRequestResponse(refreshToken ?? "");
  assert.equal(refreshed.getHandle(), session.getHandle());
  const checked = await Session.getSessionWithoutRequestResponse(refreshed.getAccessToken());
  assert.equal(checked.getAccessTokenPayload().note, "kept");
});

test("a token the core did not sign is refused", async () => {
  const reply = await expire(core.url, "not.a.token");
  assert.deepEqual(reply.body, { status: "UNAUTHORISED", message: "Invalid access token" });
});
