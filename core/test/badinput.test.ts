import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, test } from "node:test";
import type { RunningCore } from "../server";
import { coreCall, startTestCore } from "./helpers";

let core: RunningCore;

before(async () => {
  core = await startTestCore();
});
after(() => core.close());

const post = (path: string, body: string | object) => coreCall(`${core.url}${path}`, { body });
const session = { userId: "u", userDataInDatabase: {}, enableAntiCsrf: false };

describe("bad input gets a short 4xx and changes nothing", () => {
  test("malformed JSON → 400", async () => {
    const res = await post("/public/recipe/signup", "{not json");
    assert.equal(res.status, 400);
    assert.equal(res.text, "Invalid JSON input\n");
  });

  test("missing or mistyped fields → 400 naming the field", async () => {
    const missing = await post("/public/recipe/signup", { email: "a@example.com" });
    assert.equal(missing.status, 400);
    assert.match(missing.text, /'password'/);
    const mistyped = await post("/public/recipe/session", { ...session, userDataInJWT: "x" });
    assert.equal(mistyped.status, 400);
    assert.match(mistyped.text, /'userDataInJWT'/);
    const notObject = await post("/recipe/session/verify", "[1,2]");
    assert.equal(notObject.status, 400);
    const badQuery = await coreCall(`${core.url}/public/users/by-accountinfo?email=a@b.c`);
    assert.equal(badQuery.status, 400, "doUnionOfAccountInfo is required");
  });

  test("an empty password is refused as the real core does", async () => {
    const res = await post("/public/recipe/signup", { email: "a@example.com", password: "" });
    assert.equal(res.status, 400);
    assert.equal(res.text, "Password cannot be an empty string\n");
  });

  test("protected claims in userDataInJWT → 400", async () => {
    const res = await post("/public/recipe/session", { ...session, userDataInJWT: { sub: "x" } });
    assert.equal(res.status, 400);
  });

  test("unknown paths → 404, wrong methods → 405, unknown tenants → 400", async () => {
    assert.equal((await coreCall(`${core.url}/recipe/nothing-here`)).status, 404);
    assert.equal((await coreCall(`${core.url}/recipe/signup`, { method: "GET" })).status, 405);
    assert.equal((await coreCall(`${core.url}/hello`, { method: "PATCH" })).status, 405);
    const tenant = await post("/no-such-tenant/recipe/signup", { email: "a@b.c", password: "x" });
    assert.equal(tenant.status, 400);
    const list = await coreCall(`${core.url}/public/users?limit=0`);
    assert.equal(list.text, "limit must a positive integer with min value 1\n");
    const token = await coreCall(`${core.url}/public/users?paginationToken=%%%`);
    assert.equal(token.text, "invalid pagination token\n");
  });

  test("an oversized body → 413 without reading it all", async () => {
    const big = JSON.stringify({ userId: "u", metadataUpdate: { blob: "x".repeat(2_000_000) } });
    const res = await coreCall(`${core.url}/recipe/user/metadata`, { method: "PUT", body: big });
    assert.equal(res.status, 413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${core.url}/recipe/user/metadata`, { method: "PUT" }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write("x".repeat(100_000)); // no content-length
      req.end();
    });
    assert.equal(chunked, 413);
    const stored = await coreCall(`${core.url}/recipe/user/metadata?userId=u`);
    assert.deepEqual(stored.body, { status: "OK", metadata: {} });
  });

  test("a refresh token that was tampered with is refused", async () => {
    const created = (await post("/public/recipe/session", { ...session, userDataInJWT: {} }))
      .body as { refreshToken: { token: string } };
    const token = created.refreshToken.token;
    const tampered = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    const res = await post("/recipe/session/refresh", {
      refreshToken: tampered,
      enableAntiCsrf: false,
      useDynamicSigningKey: true,
    });
    assert.equal((res.body as { status: string }).status, "UNAUTHORISED");
  });

  test("after all that the core still answers", async () => {
    assert.equal((await coreCall(`${core.url}/hello`)).text, "Hello\n");
  });
});
