import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import supertokens from "supertokens-node";
import Session, { type SessionContainer } from "supertokens-node/recipe/session";
import type { RunningCore } from "../server";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { coreCall, createApp, initSdk, startTestCore } from "./helpers";

let core: RunningCore;
let connectionURI: string;

before(async () => {
  core = await startTestCore();
  connectionURI = await createApp(core);
  initSdk(connectionURI, { antiCsrf: "VIA_TOKEN" });
});
after(() => core.close());

const userId = () => `user-${Math.random().toString(36).slice(2)}`;
const create = (payload: Record<string, unknown> = {}) =>
  Session.createNewSessionWithoutRequestResponse(
    "public",
    supertokens.convertToRecipeUserId(userId()),
    payload,
  );
const tokens = (session: SessionContainer) => session.getAllSessionTokensDangerously();
const verify = (accessToken: string, antiCsrf?: string, checkDatabase = false) =>
  Session.getSessionWithoutRequestResponse(accessToken, antiCsrf, { checkDatabase });
const refresh = (session: { refreshToken?: string; antiCsrfToken?: string }) =>
  Session.refreshSessionWithoutRequestResponse(
    session.refreshToken ?? "",
    false,
    session.antiCsrfToken,
  );

async function sessionError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (Session.Error.isErrorFromSuperTokens(error)) return error.type;
    throw error;
  }
  return "no error";
}

describe("sessions through the SDK", () => {
  test("access tokens are v5: header, every claim, exp/iat equal to the reply", async () => {
    const session = await create({ role: "reader" });
    const { accessToken, frontToken, antiCsrfToken } = tokens(session);
    const header = decodeProtectedHeader(accessToken);
    const payload = decodeJwt(accessToken);
    assert.equal(header.alg, "RS256");
    assert.equal(header.typ, "JWT");
    assert.equal(header.version, "5");
    assert.match(String(header.kid), /^d-\d+$/);
    assert.equal(payload.sub, session.getUserId());
    assert.equal(payload.rsub, session.getRecipeUserId().getAsString());
    assert.equal(payload.tId, "public");
    assert.equal(payload.sessionHandle, session.getHandle());
    assert.match(String(payload.refreshTokenHash1), /^[0-9a-f]{64}$/);
    assert.equal(payload.parentRefreshTokenHash1, null);
    assert.equal(payload.antiCsrfToken, antiCsrfToken);
    assert.equal(payload.role, "reader");
    // The SDK builds the front token's expiry (ate) from the core's `accessToken.expiry`.
    const front = JSON.parse(Buffer.from(frontToken, "base64").toString()) as { ate: number };
    assert.equal(front.ate, Number(payload.exp) * 1000);
    assert.equal(Number(payload.exp) - Number(payload.iat), 3600);
  });

  test("verification is local by default; checkDatabase sees a revocation at once", async () => {
    const session = await create();
    const { accessToken, antiCsrfToken } = tokens(session);
    assert.equal((await verify(accessToken, antiCsrfToken)).getHandle(), session.getHandle());
    assert.equal((await verify(accessToken, antiCsrfToken, true)).getHandle(), session.getHandle());
    assert.equal(await Session.revokeSession(session.getHandle()), true);
    assert.equal((await verify(accessToken, antiCsrfToken)).getHandle(), session.getHandle());
    assert.equal(await sessionError(verify(accessToken, antiCsrfToken, true)), "UNAUTHORISED");
    assert.equal(await sessionError(refresh(tokens(session))), "UNAUTHORISED");
  });

  test("refresh rotates the tokens; the first use of the new token promotes it", async () => {
    const first = tokens(await create({ plan: "free" }));
    const refreshed = await refresh(first);
    const second = tokens(refreshed);
    assert.notEqual(second.refreshToken, first.refreshToken);
    assert.notEqual(second.antiCsrfToken, first.antiCsrfToken);
    const claims = decodeJwt(second.accessToken);
    assert.equal(claims.plan, "free");
    assert.equal(claims.parentRefreshTokenHash1, decodeJwt(first.accessToken).refreshTokenHash1);

    // Before promotion, the parent refresh token may still be used (lost responses happen).
    assert.equal((await refresh(first)).getHandle(), refreshed.getHandle());

    const verified = await verify(second.accessToken, second.antiCsrfToken);
    const promoted = tokens(verified);
    assert.equal(promoted.accessAndFrontTokenUpdated, true);
    assert.equal(decodeJwt(promoted.accessToken).parentRefreshTokenHash1, null);

    // After promotion the parent is a stolen copy (the SDK's HTTP layer then revokes the session).
    assert.equal(await sessionError(refresh(first)), "TOKEN_THEFT_DETECTED");
  });

  test("refreshing with a promoted child token, then an old token, is theft", async () => {
    const first = tokens(await create());
    const second = tokens(await refresh(first));
    const third = tokens(await refresh(second)); // promotes `second` by using it
    assert.ok(third.refreshToken);
    assert.equal(await sessionError(refresh(first)), "TOKEN_THEFT_DETECTED");
  });

  test("two concurrent refreshes of one token both succeed, with one session", async () => {
    const session = await create();
    const child = tokens(await refresh(tokens(session)));
    const results = await Promise.all([refresh(child), refresh(child)]);
    assert.deepEqual(
      results.map((s) => s.getHandle()),
      [session.getHandle(), session.getHandle()],
    );
    const grandchildren = results.map(tokens);
    assert.equal((await refresh(grandchildren[0]!)).getHandle(), session.getHandle());
  });

  test("anti-CSRF VIA_TOKEN: a wrong token is refused on verify and refresh", async () => {
    const { accessToken, refreshToken, antiCsrfToken } = tokens(await create());
    assert.ok(antiCsrfToken);
    const wrong = Session.getSessionWithoutRequestResponse(accessToken, "wrong", {
      antiCsrfCheck: true,
    });
    assert.equal(await sessionError(wrong), "TRY_REFRESH_TOKEN");
    assert.equal(
      await sessionError(refresh({ refreshToken, antiCsrfToken: "wrong" })),
      "UNAUTHORISED",
    );
  });

  test("mergeIntoAccessTokenPayload regenerates the token and keeps its expiry", async () => {
    const session = await create({ a: 1 });
    const before = decodeJwt(tokens(session).accessToken);
    await session.mergeIntoAccessTokenPayload({ b: 2, a: null });
    const after = decodeJwt(tokens(session).accessToken);
    assert.equal(after.b, 2);
    assert.equal("a" in after, false);
    assert.equal(after.exp, before.exp);
    assert.equal(after.refreshTokenHash1, before.refreshTokenHash1);

    // Offline merge by handle: stored, seen by the next refresh.
    await Session.mergeIntoAccessTokenPayload(session.getHandle(), { c: 3 });
    const info = await Session.getSessionInformation(session.getHandle());
    assert.equal(info?.customClaimsInAccessTokenPayload.b, 2);
    assert.equal(info?.customClaimsInAccessTokenPayload.c, 3);
    const refreshed = decodeJwt(tokens(await refresh(tokens(session))).accessToken);
    assert.equal(refreshed.c, 3);
  });

  test("session data, listing and revoking all sessions of a user", async () => {
    const user = userId();
    const recipeUserId = supertokens.convertToRecipeUserId(user);
    const one = await Session.createNewSessionWithoutRequestResponse(
      "public",
      recipeUserId,
      {},
      { n: 1 },
    );
    const two = await Session.createNewSessionWithoutRequestResponse("public", recipeUserId);
    assert.deepEqual(
      (await Session.getAllSessionHandlesForUser(user)).sort(),
      [one.getHandle(), two.getHandle()].sort(),
    );
    await Session.updateSessionDataInDatabase(one.getHandle(), { n: 2 });
    const info = await Session.getSessionInformation(one.getHandle());
    assert.deepEqual(info?.sessionDataInDatabase, { n: 2 });
    assert.equal(info?.userId, user);
    assert.equal(info?.tenantId, "public");

    const revoked = await Session.revokeAllSessionsForUser(user);
    assert.equal(revoked.length, 2);
    assert.deepEqual(await Session.getAllSessionHandlesForUser(user), []);
  });

  test("a payload stored with PUT /recipe/jwt/data reaches the client at a checkDatabase verify", async () => {
    const session = await create({ plan: "free" });
    const { accessToken, antiCsrfToken } = tokens(session);
    const put = await coreCall(`${connectionURI}/recipe/jwt/data`, {
      method: "PUT",
      body: { sessionHandle: session.getHandle(), userDataInJWT: { plan: "paid" } },
    });
    assert.deepEqual(put.body, { status: "OK" });
    const local = await verify(accessToken, antiCsrfToken);
    assert.equal(local.getAccessTokenPayload().plan, "free");
    const checked = await verify(accessToken, antiCsrfToken, true);
    assert.equal(tokens(checked).accessAndFrontTokenUpdated, true);
    assert.equal(checked.getAccessTokenPayload().plan, "paid");
  });
});
