/**
 * Requests while no core runs: a sign-in (`npm start` alone), whose log names the address the SDK
 * tried and how to start a core; and a signed-in request to a process that never fetched the
 * core's signing keys before the core went away. Served in process, so the test reads the server's
 * own log, and the process is a fresh one.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startCore } from "../../core/server";
import { bearer, call, send } from "../../testing/http";
import { serveAppInProcess, type InProcessApp } from "../../testing/in-process";
import { credentials, signUp, type TestUser } from "../../testing/users";
import { useTempDir } from "../../testing/node";

let app: InProcessApp;
let coreUrl: string;
let user: TestUser;
const dataDir = useTempDir("api-core-down");
before(async () => {
  // A core long enough to sign a user up (which never fetches its signing keys), then gone.
  const core = await startCore({ port: 0, inMemory: true });
  coreUrl = core.url;
  app = await serveAppInProcess({
    dataDir,
    env: { SUPERTOKENS_CONNECTION_URI: coreUrl },
    routes: async () => ({
      "/api/auth/*": await import("../../pages/api/auth/[[...path]]"),
      "/api/user": await import("../../pages/api/user/index"),
      "/api/plain/user": await import("../../pages/api/plain/user"),
      "/api/app-router/user": await import("../../app/api/app-router/user/route"),
    }),
  });
  user = await signUp({ appUrl: app.url });
  await core.close(); // nothing listens at coreUrl from here on
});
after(async () => {
  await app?.close();
});

test("a session this process cannot verify yet (no signing keys, no core): 503, not 401", async (t) => {
  t.mock.method(console, "error", () => undefined);
  // A 401 "try refresh token" would send the frontend into refreshing against a core that is down.
  for (const path of ["/api/user", "/api/plain/user", "/api/app-router/user"]) {
    const reply = await call(`${app.url}${path}`, { headers: bearer(user.accessToken) });
    assert.equal(reply.status, 503, `${path}: ${reply.text}`);
    assert.equal((reply.body as { error: { code: string } }).error.code, "auth_unavailable", path);
    assert.match(reply.headers.get("retry-after") ?? "", /^\d+$/, path);
  }
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
