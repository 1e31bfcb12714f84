import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { test } from "node:test";
import { coreCall } from "./helpers";

test("npm run core: configured by env, prints one line, stops cleanly on SIGTERM", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "core/main.ts"], {
    env: {
      ...process.env,
      CORE_PORT: "0",
      CORE_IN_MEMORY: "true",
      CORE_CONFIG: '{"access_token_validity":7}',
      SUPERTOKENS_API_KEY: "cli-test-key-0123456789",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  const line = chunk.toString();
  assert.match(line, /^Local development SuperTokens core listening on http:\/\/127\.0\.0\.1:\d+/);
  assert.match(line, /in memory/);
  assert.match(line, /SUPERTOKENS_CONNECTION_URI/);
  const url = /listening on (\S+),/.exec(line)?.[1] ?? "";

  assert.equal((await coreCall(`${url}/hello`)).text, "Hello\n");
  assert.equal((await coreCall(`${url}/apiversion`)).status, 401);
  const created = await coreCall(`${url}/public/recipe/session`, {
    headers: { "api-key": "cli-test-key-0123456789" },
    body: { userId: "u", userDataInJWT: {}, userDataInDatabase: {}, enableAntiCsrf: false },
  });
  const { accessToken } = created.body as {
    accessToken: { expiry: number; createdTime: number };
  };
  assert.equal(accessToken.expiry - accessToken.createdTime, 7000);

  child.kill("SIGTERM");
  const [code] = (await once(child, "exit")) as [number | null];
  assert.equal(code, 0);
});
