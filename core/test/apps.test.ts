import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import EmailPassword from "supertokens-node/recipe/emailpassword";
import type { RunningCore } from "../server";
import { coreCall, createApp, initSdk, PASSWORD, startTestCore } from "./helpers";

const BASE_KEY = "base-key-0123456789abcdef";
const APP_KEY = "app-key-0123456789abcdef";

let core: RunningCore;
let keyedApp: string;

before(async () => {
  core = await startTestCore({ apiKey: BASE_KEY });
  keyedApp = await createApp(core, { api_keys: APP_KEY }, BASE_KEY);
  initSdk(keyedApp, { apiKey: APP_KEY });
});
after(() => core.close());

const signUp = (appUrl: string, email: string, apiKey = BASE_KEY) =>
  coreCall(`${appUrl}/public/recipe/signup`, {
    body: { email, password: PASSWORD },
    headers: { "api-key": apiKey },
  });

describe("API keys", () => {
  test("a request without the key gets 401 Invalid API key", async () => {
    const res = await coreCall(`${core.url}/apiversion`);
    assert.equal(res.status, 401);
    assert.equal(res.text, "Invalid API key\n");
    const wrong = await coreCall(`${core.url}/apiversion`, { headers: { "api-key": "nope" } });
    assert.equal(wrong.status, 401);
  });

  test("the key is accepted as api-key or Authorization header", async () => {
    const viaHeader = await coreCall(`${core.url}/apiversion`, {
      headers: { "api-key": BASE_KEY },
    });
    assert.deepEqual(viaHeader.body, { versions: ["5.4"] });
    const viaBearer = await coreCall(`${core.url}/apiversion`, {
      headers: { authorization: `Bearer ${BASE_KEY}` },
    });
    assert.equal(viaBearer.status, 200);
  });

  test("/hello and the JWKS stay public", async () => {
    assert.equal((await coreCall(`${core.url}/hello`)).text, "Hello\n");
    assert.equal((await coreCall(`${core.url}/.well-known/jwks.json`)).status, 200);
    assert.equal((await coreCall(`${keyedApp}/.well-known/jwks.json`)).status, 200);
  });

  test("an app's own api_keys replace the base key, and the SDK sends it", async () => {
    assert.equal((await signUp(keyedApp, "a@example.com", BASE_KEY)).status, 401);
    const result = await EmailPassword.signUp("public", "sdk@example.com", PASSWORD);
    assert.equal(result.status, "OK");
  });
});

describe("isolated apps", () => {
  test("each app has its own users: one email signs up in both", async () => {
    const one = await createApp(core, {}, BASE_KEY);
    const two = await createApp(core, {}, BASE_KEY);
    const first = (await signUp(one, "same@example.com")).body as { user: { id: string } };
    const second = (await signUp(two, "same@example.com")).body as { status: string };
    assert.equal(second.status, "OK");
    const lookup = await coreCall(`${two}/user/id?userId=${first.user.id}`, {
      headers: { "api-key": BASE_KEY },
    });
    assert.deepEqual(lookup.body, { status: "UNKNOWN_USER_ID_ERROR" });
  });

  test("a token from one app does not verify in another", async () => {
    const one = await createApp(core, {}, BASE_KEY);
    const two = await createApp(core, {}, BASE_KEY);
    const headers = { "api-key": BASE_KEY };
    const created = (
      await coreCall(`${one}/public/recipe/session`, {
        headers,
        body: { userId: "u", userDataInJWT: {}, userDataInDatabase: {}, enableAntiCsrf: false },
      })
    ).body as { accessToken: { token: string } };
    const verify = (appUrl: string) =>
      coreCall(`${appUrl}/recipe/session/verify`, {
        headers,
        body: {
          accessToken: created.accessToken.token,
          doAntiCsrfCheck: false,
          enableAntiCsrf: false,
          checkDatabase: true,
        },
      });
    assert.equal(((await verify(one)).body as { status: string }).status, "OK");
    assert.equal(((await verify(two)).body as { status: string }).status, "TRY_REFRESH_TOKEN");
  });

  test("a removed app is gone with its data; removing it twice says so", async () => {
    const app = await createApp(core, {}, BASE_KEY);
    const appId = app.split("/appid-")[1];
    await signUp(app, "gone@example.com");
    const remove = () =>
      coreCall(`${core.url}/recipe/multitenancy/app/remove`, {
        body: { appId },
        headers: { "api-key": BASE_KEY },
      });
    assert.deepEqual((await remove()).body, { status: "OK", didExist: true });
    assert.deepEqual((await remove()).body, { status: "OK", didExist: false });
    const after = await signUp(app, "gone@example.com");
    assert.equal(after.status, 400);
    assert.match(after.text, /AppId or tenantId not found/);
  });

  test("an app's coreConfig applies to it alone", async () => {
    const short = await createApp(core, { access_token_validity: 60 }, BASE_KEY);
    const body = { userId: "u", userDataInJWT: {}, userDataInDatabase: {}, enableAntiCsrf: false };
    const lifetime = async (appUrl: string) => {
      const res = await coreCall(`${appUrl}/public/recipe/session`, {
        body,
        headers: { "api-key": BASE_KEY },
      });
      const { accessToken } = res.body as {
        accessToken: { expiry: number; createdTime: number };
      };
      return (accessToken.expiry - accessToken.createdTime) / 1000;
    };
    assert.equal(await lifetime(short), 60);
    assert.equal(await lifetime(core.url), 3600);
  });

  test("a bad coreConfig is refused with 400", async () => {
    const res = await coreCall(`${core.url}/recipe/multitenancy/app/v2`, {
      method: "PUT",
      body: { appId: "bad-config", coreConfig: { access_token_validity: "soon" } },
      headers: { "api-key": BASE_KEY },
    });
    assert.equal(res.status, 400);
  });
});

describe("tenants", () => {
  test("tenants are created, listed, scoped and removed", async () => {
    const app = await createApp(core, {}, BASE_KEY);
    const headers = { "api-key": BASE_KEY };
    const put = await coreCall(`${app}/recipe/multitenancy/tenant/v2`, {
      method: "PUT",
      body: { tenantId: "team-a", firstFactors: ["emailpassword"] },
      headers,
    });
    assert.deepEqual(put.body, { status: "OK", createdNew: true });
    const tenant = await coreCall(`${app}/team-a/recipe/multitenancy/tenant/v2`, { headers });
    assert.deepEqual(tenant.body, {
      status: "OK",
      tenantId: "team-a",
      thirdParty: { providers: [] },
      coreConfig: {},
      firstFactors: ["emailpassword"],
    });
    const publicTenant = await coreCall(`${app}/public/recipe/multitenancy/tenant/v2`, { headers });
    assert.equal("firstFactors" in (publicTenant.body as object), false);

    // One email per tenant: the same email signs up once in each.
    const inA = await coreCall(`${app}/team-a/recipe/signup`, {
      body: { email: "t@example.com", password: PASSWORD },
      headers,
    });
    assert.equal((inA.body as { status: string }).status, "OK");
    assert.equal(((await signUp(app, "t@example.com")).body as { status: string }).status, "OK");
    const again = await coreCall(`${app}/team-a/recipe/signup`, {
      body: { email: "T@example.com", password: PASSWORD },
      headers,
    });
    assert.equal((again.body as { status: string }).status, "EMAIL_ALREADY_EXISTS_ERROR");

    const list = await coreCall(`${app}/recipe/multitenancy/tenant/list/v2`, { headers });
    const ids = (list.body as { tenants: { tenantId: string }[] }).tenants.map((t) => t.tenantId);
    assert.deepEqual(ids, ["public", "team-a"]);

    const removed = await coreCall(`${app}/recipe/multitenancy/tenant/remove`, {
      body: { tenantId: "team-a" },
      headers,
    });
    assert.deepEqual(removed.body, { status: "OK", didExist: true });
    const missing = await coreCall(`${app}/team-a/recipe/multitenancy/tenant/v2`, { headers });
    assert.deepEqual(missing.body, { status: "TENANT_NOT_FOUND_ERROR" });
    const unknown = await coreCall(`${app}/team-a/recipe/signup`, {
      body: { email: "x@example.com", password: PASSWORD },
      headers,
    });
    assert.equal(unknown.status, 400);
  });
});
