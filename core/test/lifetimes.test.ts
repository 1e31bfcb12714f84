import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import type { Reply } from "../../testing/http";
import type { RunningCore } from "../server";
import { coreCall, createApp, PASSWORD, startTestCore } from "./helpers";

// Short lifetimes, in the real core's units: seconds and milliseconds (and minutes, below).
const CONFIG = { access_token_validity: 2, password_reset_token_lifetime: 500 };

let core: RunningCore;
let app: string;

before(async () => {
  core = await startTestCore();
  app = await createApp(core, CONFIG);
});
after(() => core.close());

type Created = {
  session: { handle: string };
  accessToken: { token: string; expiry: number; createdTime: number };
  refreshToken: { token: string; expiry: number; createdTime: number };
};
const status = (res: Reply) => (res.body as { status: string }).status;
const createSession = async (appUrl = app) =>
  (
    await coreCall(`${appUrl}/public/recipe/session`, {
      body: { userId: "u", userDataInJWT: { v: 1 }, userDataInDatabase: {}, enableAntiCsrf: false },
    })
  ).body as Created;
const verify = (accessToken: string) =>
  coreCall(`${app}/recipe/session/verify`, {
    body: { accessToken, doAntiCsrfCheck: false, enableAntiCsrf: false, checkDatabase: false },
  });
const refresh = (appUrl: string, refreshToken: string) =>
  coreCall(`${appUrl}/recipe/session/refresh`, {
    body: { refreshToken, enableAntiCsrf: false, useDynamicSigningKey: true },
  });

describe("configured lifetimes", () => {
  test("an expired access token asks for a refresh; regenerate keeps it expired", async () => {
    const created = await createSession();
    // exp and iat are whole seconds, so a 2 s token lives between 1 and 2 s.
    assert.equal(created.accessToken.expiry - created.accessToken.createdTime, 2000);
    assert.equal(status(await verify(created.accessToken.token)), "OK");
    await sleep(created.accessToken.expiry - Date.now() + 50);
    assert.equal(status(await verify(created.accessToken.token)), "TRY_REFRESH_TOKEN");
    const regenerated = await coreCall(`${app}/recipe/session/regenerate`, {
      body: { accessToken: created.accessToken.token, userDataInJWT: { v: 2 } },
    });
    const body = regenerated.body as { status: string; accessToken?: unknown };
    assert.equal(body.status, "OK");
    assert.equal(body.accessToken, undefined);
  });

  test("a session ends when its refresh token expires", async () => {
    const shortSessions = await createApp(core, { refresh_token_validity: 0.02 }); // 1.2 s
    const created = await createSession(shortSessions);
    assert.equal(created.refreshToken.expiry - created.refreshToken.createdTime, 1200);
    await sleep(1300);
    const res = await refresh(shortSessions, created.refreshToken.token);
    assert.deepEqual(res.body, {
      status: "UNAUTHORISED",
      message: "Session missing in db or has expired",
    });
  });

  test("a password-reset token expires after its lifetime", async () => {
    const signUp = await coreCall(`${app}/public/recipe/signup`, {
      body: { email: "late@example.com", password: PASSWORD },
    });
    const userId = (signUp.body as { user: { id: string } }).user.id;
    const tokenReply = await coreCall(`${app}/public/recipe/user/password/reset/token`, {
      body: { userId, email: "late@example.com" },
    });
    const { token } = tokenReply.body as { token: string };
    await sleep(600);
    const consumed = await coreCall(`${app}/public/recipe/user/password/reset/token/consume`, {
      body: { token },
    });
    assert.equal(status(consumed), "RESET_PASSWORD_INVALID_TOKEN_ERROR");
  });
});
