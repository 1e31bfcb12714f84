import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import supertokens from "supertokens-node";
import Session from "supertokens-node/recipe/session";
import type { RunningCore } from "../server";
import { decodeProtectedHeader } from "jose";
import { coreCall, createApp, initSdk, startTestCore } from "./helpers";

// A new dynamic key every 1.5 s; access tokens live 4 s, so a retired key stays published 4 s.
const INTERVAL_MS = 1500;
const VALIDITY_S = 4;

let core: RunningCore;
let connectionURI: string;

before(async () => {
  core = await startTestCore();
  connectionURI = await createApp(core, {
    access_token_dynamic_signing_key_update_interval: INTERVAL_MS / 3_600_000,
    access_token_validity: VALIDITY_S,
  });
  initSdk(connectionURI);
});
after(() => core.close());

type Jwks = {
  keys: { kid: string; kty: string; alg: string; use: string; n: string; e: string }[];
};
const jwks = async () => (await coreCall(`${connectionURI}/.well-known/jwks.json`)).body as Jwks;
const kids = async () => (await jwks()).keys.map((key) => key.kid);
const newSession = () =>
  Session.createNewSessionWithoutRequestResponse("public", supertokens.convertToRecipeUserId("u1"));

describe("JWT and signing keys", () => {
  test("the JWKS lists RSA signing keys, dynamic and static, with a cache lifetime", async () => {
    const res = await fetch(`${connectionURI}/.well-known/jwks.json`);
    assert.match(res.headers.get("cache-control") ?? "", /^max-age=\d+, must-revalidate$/);
    const { keys } = (await res.json()) as Jwks;
    assert.ok(keys.some((key) => key.kid.startsWith("d-")));
    assert.ok(keys.some((key) => key.kid.startsWith("s-")));
    for (const key of keys) {
      assert.deepEqual([key.kty, key.alg, key.use], ["RSA", "RS256", "sig"]);
      assert.match(key.n, /^[A-Za-z0-9_-]+$/);
    }
  });

  test("createJWT signs with a published key; jose verifies it against the JWKS", async () => {
    const created = await Session.createJWT({ scope: "notes" }, 60);
    assert.ok(created.status === "OK");
    const keySet = createRemoteJWKSet(new URL(`${connectionURI}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(created.jwt, keySet);
    assert.equal(payload.scope, "notes");
    assert.equal(payload.iss, "http://127.0.0.1:1/auth"); // set by the SDK's OpenId recipe
    assert.equal(Number(payload.exp) - Number(payload.iat), 60);
    assert.match(String(protectedHeader.kid), /^s-/); // the SDK's default: the static key

    const dynamicJwt = await Session.createJWT({}, 60, false);
    assert.ok(dynamicJwt.status === "OK");
    assert.match(String(decodeProtectedHeader(dynamicJwt.jwt).kid), /^d-/);
    await jwtVerify(dynamicJwt.jwt, keySet);
  });

  test("dynamic keys rotate; a retired key stays published while its tokens can live", async () => {
    const first = await newSession();
    const firstKid = String(decodeProtectedHeader(first.getAccessToken()).kid);
    await sleep(INTERVAL_MS + 200);
    const second = await newSession();
    const secondKid = String(decodeProtectedHeader(second.getAccessToken()).kid);
    assert.notEqual(secondKid, firstKid);
    assert.ok((await kids()).includes(firstKid), "the retired key is still published");
    // A token signed by the retired key still verifies locally (the SDK refetches the JWKS).
    const verified = await Session.getSessionWithoutRequestResponse(first.getAccessToken());
    assert.equal(verified.getHandle(), first.getHandle());

    await sleep(VALIDITY_S * 1000 + 300);
    assert.equal((await kids()).includes(firstKid), false, "the retired key is dropped");
  });
});

describe("sessions on the static key", () => {
  test("useDynamicSigningKey: false signs with the s- key, on create and refresh", async () => {
    const body = { userId: "u", userDataInJWT: {}, userDataInDatabase: {}, enableAntiCsrf: false };
    const created = (
      await coreCall(`${connectionURI}/public/recipe/session`, {
        body: { ...body, useDynamicSigningKey: false },
      })
    ).body as { accessToken: { token: string }; refreshToken: { token: string } };
    assert.match(String(decodeProtectedHeader(created.accessToken.token).kid), /^s-/);
    const refreshed = (
      await coreCall(`${connectionURI}/recipe/session/refresh`, {
        body: {
          refreshToken: created.refreshToken.token,
          enableAntiCsrf: false,
          useDynamicSigningKey: false,
        },
      })
    ).body as { accessToken: { token: string } };
    assert.match(String(decodeProtectedHeader(refreshed.accessToken.token).kid), /^s-/);
    assert.ok(
      (await kids()).includes(String(decodeProtectedHeader(refreshed.accessToken.token).kid)),
    );
  });
});
