/**
 * Signing in while no core runs (`npm start` alone): the log names the address the SDK tried and
 * how to start a core. Served in process, so the test reads the server's own log.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { call, send } from "../../testing/http";
import { serveInProcess, type InProcessApp } from "../../testing/in-process";
import { freePort, migrate } from "../../testing/stack";
import { credentials } from "../../testing/users";
import { useTempDir } from "../../testing/node";

let app: InProcessApp;
let coreUrl: string;
const dataDir = useTempDir("api-core-down");
before(async () => {
  coreUrl = `http://127.0.0.1:${await freePort()}`; // nothing listens there
  await migrate(dataDir);
  Object.assign(process.env, { SUPERTOKENS_CONNECTION_URI: coreUrl, DATA_DIR: dataDir });
  app = await serveInProcess({ "/api/auth/*": await import("../../pages/api/auth/[[...path]]") });
});
after(async () => {
  await app?.close();
});

test("a sign-in without a core: 503 auth_unavailable; the log names the address and the fix", async (t) => {
  const logged: string[] = [];
  t.mock.method(console, "error", (...args: unknown[]) => logged.push(args.map(String).join(" ")));
  const signIn = send("POST", credentials("nobody@example.com"));
  const reply = await call(`${app.url}/api/auth/signin`, signIn);

  // 503 with Retry-After: not a bug (500), not "signed out" (401, which would start a refresh).
  assert.equal(reply.status, 503);
  assert.deepEqual(reply.body, {
    error: {
      code: "auth_unavailable",
      message: "Sign-in is temporarily unavailable; try again shortly",
    },
  });
  assert.match(reply.headers.get("retry-after") ?? "", /^\d+$/);
  const line = logged.find((entry) => entry.includes("No SuperTokens core available to query"));
  assert.ok(line, `no log line about the core in:\n${logged.join("\n")}`);
  assert.ok(line.includes(`nothing answered at ${coreUrl}`), line);
  assert.match(line, /`npm run dev` starts one/);
  assert.match(line, /`npm run core`/);
  assert.match(line, /SUPERTOKENS_CONNECTION_URI/);
});
