import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import supertokens from "supertokens-node";
import Session from "supertokens-node/recipe/session";
import type { RunningCore } from "../server";
import { decodeJwt } from "jose";
import { coreCall, createApp, initSdk, startSdkServer, startTestCore } from "./helpers";

// What an app sees through the SDK where a careless local core would differ from a real one.
// Numbers as strings, as a real core accepts them: a key every 3.6 s, tokens valid 120 s.
const CONFIG = {
  access_token_dynamic_signing_key_update_interval: "0.001",
  access_token_validity: "120",
};

let core: RunningCore;
let appUrl: string;
let sdk: Awaited<ReturnType<typeof startSdkServer>>;

before(async () => {
  core = await startTestCore();
  appUrl = await createApp(core, CONFIG);
  initSdk(appUrl);
  sdk = await startSdkServer();
});
after(async () => {
  await sdk.close();
  await core.close();
});

const newSession = (payload?: Record<string, unknown>) =>
  Session.createNewSessionWithoutRequestResponse(
    "public",
    supertokens.convertToRecipeUserId("u1"),
    payload,
  );

const coreRefusal = (path: string): string =>
  `SuperTokens core threw an error for a POST request to path: '${path}' with status code: 400 and message: The user payload contains protected field\n`;

describe("the local core behaves as a real core where the SDK can tell", () => {
  test("numeric coreConfig values written as strings are accepted and applied", async () => {
    const payload = decodeJwt((await newSession()).getAccessToken());
    assert.equal(Number(payload.exp) - Number(payload.iat), 120);
  });

  test("the JWKS is cacheable for at least a minute, even just before a key rotation", async () => {
    // The SDK's own JWKS endpoint passes the core's Cache-Control through.
    const res = await sdk.call("/auth/jwt/jwks.json");
    assert.equal(res.status, 200);
    const match = /^max-age=(\d+), must-revalidate$/.exec(res.headers.get("cache-control") ?? "");
    assert.ok(match, `cache-control was ${res.headers.get("cache-control")}`);
    assert.ok(Number(match[1]) >= 60, `max-age ${match[1]} < 60`);
  });

  test("a payload setting a protected claim is refused with the real core's message", async () => {
    // The SDK drops protected claims itself when it creates a session; merging sends them on.
    const session = await newSession({ sub: "someone-else", plan: "free" });
    assert.equal(session.getAccessTokenPayload().sub, "u1");
    await assert.rejects(session.mergeIntoAccessTokenPayload({ sub: "someone-else" }), {
      message: coreRefusal("/recipe/session/regenerate"),
    });
    // An allowed claim still goes through, so the refusal is about the claim alone.
    await session.mergeIntoAccessTokenPayload({ plan: "pro" });
    assert.equal(session.getAccessTokenPayload().plan, "pro");
    // Creating a session is refused the same way by the core, for callers other than this SDK.
    const raw = await coreCall(`${appUrl}/public/recipe/session`, {
      body: {
        userId: "u",
        userDataInJWT: { sub: "x" },
        userDataInDatabase: {},
        enableAntiCsrf: false,
      },
    });
    assert.deepEqual([raw.status, raw.text], [400, "The user payload contains protected field\n"]);
  });
});
