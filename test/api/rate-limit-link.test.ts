/**
 * The rate-limit link on its own, in a route of the test's making: an anonymous caller is counted
 * by client address (behind a trusted proxy, the address X-Forwarded-For gives), and a signed-in
 * caller by user, whatever address they call from. Served in process on SQLite counters.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startCore, type RunningCore } from "../../core/server";
import { bearer, call } from "../../testing/http";
import { serveAppInProcess, type InProcessApp } from "../../testing/in-process";
import { useTempDir } from "../../testing/node";
import { signUp } from "../../testing/users";

const dataDir = useTempDir("rate-limit-link");
let core: RunningCore;
let app: InProcessApp;

before(async () => {
  core = await startCore({ port: 0, inMemory: true });
  app = await serveAppInProcess({
    dataDir,
    env: { SUPERTOKENS_CONNECTION_URI: core.url, TRUST_PROXY: "loopback" },
    async routes() {
      const { createApiRouter } = await import("../../middleware/router");
      const { rateLimit } = await import("../../middleware/rate-limit");
      const { requireSession } = await import("../../middleware/session");
      const limit = rateLimit({ name: "demo", points: 2, seconds: 60, whenStoreDown: "refuse" });
      const ok = (_req: unknown, res: { status(code: number): { json(body: unknown): void } }) =>
        res.status(200).json({ ok: true });
      return {
        "/api/auth/*": await import("../../pages/api/auth/[[...path]]"),
        "/anonymous": { default: createApiRouter().use(limit).get(ok).handler() },
        "/signed-in": { default: createApiRouter().use(requireSession(), limit).get(ok).handler() },
      };
    },
  });
});
after(async () => {
  await app?.close();
  await core?.close();
});

const from = (address: string, headers: Record<string, string> = {}) => ({
  headers: { "x-forwarded-for": address, ...headers },
});

test("an anonymous caller is counted by client address", async () => {
  for (const remaining of [1, 0]) {
    const reply = await call(`${app.url}/anonymous`, from("198.51.100.1"));
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get("ratelimit") ?? "", new RegExp(`^"demo";r=${remaining};`));
  }
  const refused = await call(`${app.url}/anonymous`, from("198.51.100.1"));
  assert.equal(refused.status, 429);
  assert.equal((refused.body as { error: { code: string } }).error.code, "rate_limited");
  // Another address has its own count.
  assert.equal((await call(`${app.url}/anonymous`, from("198.51.100.2"))).status, 200);
});

test("a signed-in caller is counted by user, from any address", async () => {
  const user = await signUp({ appUrl: app.url });
  const as = (address: string) => from(address, bearer(user.accessToken));
  assert.equal((await call(`${app.url}/signed-in`, as("198.51.100.3"))).status, 200);
  assert.equal((await call(`${app.url}/signed-in`, as("198.51.100.4"))).status, 200);
  assert.equal((await call(`${app.url}/signed-in`, as("198.51.100.5"))).status, 429);
  // The addresses themselves were not counted.
  assert.equal((await call(`${app.url}/anonymous`, from("198.51.100.3"))).status, 200);
});
