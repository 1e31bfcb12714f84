/** The typed environment (config/env.ts): defaults, derived values, and failing fast by name. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseEnv } from "../../config/env";
import { parsePublicEnv } from "../../config/publicEnv";

test("defaults: the local core on 127.0.0.1 (not localhost, which may be ::1), one origin", () => {
  assert.deepEqual(parseEnv({}), {
    supertokensConnectionUri: "http://127.0.0.1:3567",
    supertokensApiKey: undefined,
    apiDomain: "http://localhost:3000",
    websiteDomain: "http://localhost:3000",
    allowedOrigins: ["http://localhost:3000"],
    dataDir: ".data",
    databaseUrl: undefined,
    databasePoolSize: 10,
    trustProxy: undefined,
    rateLimits: {
      writesPerMinute: 60,
      apiKeyPerMinute: 120,
      signIn: { maxFailures: 10, lockoutSeconds: 300, failuresPerAddressPerHour: 100 },
      signUpsPerAddressPerHour: 10,
      passwordResets: { perAccountPerHour: 3, perAddressPerHour: 10 },
    },
  });
  assert.equal(parseEnv({ CORE_PORT: "4567" }).supertokensConnectionUri, "http://127.0.0.1:4567");
});

test("WEBSITE_DOMAIN and ALLOWED_ORIGINS follow API_DOMAIN unless set; origins are normalised", () => {
  const env = parseEnv({
    API_DOMAIN: "https://api.example.com/",
    WEBSITE_DOMAIN: "https://www.example.com/some/path",
    ALLOWED_ORIGINS: " https://www.example.com/ , http://localhost:5173,",
  });
  assert.equal(env.apiDomain, "https://api.example.com");
  assert.equal(env.websiteDomain, "https://www.example.com");
  assert.deepEqual(env.allowedOrigins, ["https://www.example.com", "http://localhost:5173"]);
});

test("an empty variable counts as unset", () => {
  const env = parseEnv({ SUPERTOKENS_API_KEY: "", WEBSITE_DOMAIN: "", DATA_DIR: "" });
  assert.equal(env.supertokensApiKey, undefined);
  assert.equal(env.websiteDomain, "http://localhost:3000");
  assert.equal(env.dataDir, ".data");
});

test("a wrong value fails at start, naming the variable", () => {
  assert.throws(() => parseEnv({ API_DOMAIN: "not a url" }), /API_DOMAIN/);
  assert.throws(() => parseEnv({ CORE_PORT: "99999" }), /CORE_PORT/);
  assert.throws(
    () => parseEnv({ ALLOWED_ORIGINS: "https://ok.example, nope" }),
    /ALLOWED_ORIGINS\.1: Invalid URL/,
  );
});

test("DATABASE_URL: PostgreSQL by a postgres:// or postgresql:// URL, nothing else", () => {
  for (const url of ["postgres://app:pw@db:5432/notes", "postgresql://app@127.0.0.1/notes"]) {
    assert.equal(parseEnv({ DATABASE_URL: url }).databaseUrl, url);
  }
  assert.throws(() => parseEnv({ DATABASE_URL: "mysql://db/notes" }), /DATABASE_URL: must be a/);
  assert.throws(() => parseEnv({ DATABASE_POOL_SIZE: "0" }), /DATABASE_POOL_SIZE/);
  assert.equal(parseEnv({ DATABASE_POOL_SIZE: "25" }).databasePoolSize, 25);
});

test("TRUST_PROXY: a number of proxies, or the addresses and subnets to trust", () => {
  assert.equal(parseEnv({ TRUST_PROXY: "2" }).trustProxy, 2);
  assert.deepEqual(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy, [
    "loopback",
    "10.0.0.0/8",
  ]);
  assert.throws(() => parseEnv({ TRUST_PROXY: "10.0.0.0/99" }), /TRUST_PROXY/);
  assert.throws(() => parseEnv({ TRUST_PROXY: "everyone" }), /TRUST_PROXY/);
});

test("the sign-in lockout comes after at most 10 failures", () => {
  assert.equal(parseEnv({ SIGN_IN_MAX_FAILURES: "5" }).rateLimits.signIn.maxFailures, 5);
  assert.throws(() => parseEnv({ SIGN_IN_MAX_FAILURES: "11" }), /SIGN_IN_MAX_FAILURES/);
  assert.throws(() => parseEnv({ RATE_LIMIT_WRITES_PER_MINUTE: "0" }), /RATE_LIMIT_WRITES/);
});

test("the browser's NEXT_PUBLIC_* variables: unset or empty means the page's own origin", () => {
  const none = { apiDomain: undefined, websiteDomain: undefined };
  assert.deepEqual(parsePublicEnv({}), none);
  assert.deepEqual(parsePublicEnv({ NEXT_PUBLIC_API_DOMAIN: "" }), none);
  assert.deepEqual(parsePublicEnv({ NEXT_PUBLIC_API_DOMAIN: "https://api.example.com/" }), {
    apiDomain: "https://api.example.com",
    websiteDomain: undefined,
  });
  assert.throws(
    () => parsePublicEnv({ NEXT_PUBLIC_WEBSITE_DOMAIN: "www.example.com" }),
    /NEXT_PUBLIC_WEBSITE_DOMAIN/,
  );
});
