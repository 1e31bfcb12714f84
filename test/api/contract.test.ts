/**
 * The contract of every route file under pages/api, found by scanning the folder (testing/routes.ts):
 * its default export is a handler built by a chain factory (createApiRouter in middleware/router.ts,
 * or withSession in middleware/with-session.ts for a plain handler, so CORS, no-store, the error
 * link and 405 come with it), and it turns
 * Next's body parser off (`config.api.bodyParser === false`, so our JSON link owns the body).
 * A new route file that skips either fails here, before anyone has to remember it.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { isChainHandler } from "../../middleware/chain-handlers";
import { apiRoutes, appRoutes } from "../../testing/routes";

const root = path.resolve(__dirname, "../..");

type RouteModule = { default?: unknown; config?: { api?: { bodyParser?: unknown } } };

function breaches(route: RouteModule): string[] {
  const found: string[] = [];
  if (!isChainHandler(route.default)) {
    found.push("its default export is not built by createApiRouter or withSession (middleware/)");
  }
  if (route.config?.api?.bodyParser !== false) {
    found.push("it does not export `config = { api: { bodyParser: false } }`");
  }
  return found;
}

describe("every route under pages/api", () => {
  const routes = apiRoutes();

  test("the scan finds the route files, as Next.js maps them to URLs", () => {
    const byFile = Object.fromEntries(routes.map((route) => [route.file, route.path]));
    assert.equal(byFile["pages/api/notes/index.ts"], "/api/notes");
    assert.equal(byFile["pages/api/notes/[id].ts"], "/api/notes/some-id");
    assert.equal(byFile["pages/api/auth/[[...path]].ts"], "/api/auth/some-path");
    assert.ok(routes.length >= 12, `only ${routes.length} routes found`);
  });

  for (const route of routes) {
    test(`${route.file}: built by the chain factory, body parser off`, async () => {
      const loaded = (await import(path.join(root, route.file))) as RouteModule;
      assert.deepEqual(breaches(loaded), []);
    });
  }
});

describe("every App Router route.ts", () => {
  const files = appRoutes();

  test("the scan finds them", () => {
    assert.ok(files.includes("app/api/app-router/notes/route.ts"), files.join(", "));
  });

  // All six methods: OPTIONS answers preflights, and a method without a handler gets the app's 405
  // (with CORS) instead of Next's bare one. Each built by protectedRoute (middleware/app/route.ts).
  for (const file of files) {
    test(`${file}: every method exported, built by protectedRoute`, async () => {
      const loaded = (await import(path.join(root, file))) as Record<string, unknown>;
      const missing = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].filter(
        (method) => !isChainHandler(loaded[method]),
      );
      assert.deepEqual(missing, []);
    });
  }
});

describe("the check itself", () => {
  test("refuses a plain handler and a route that leaves Next's body parser on", async () => {
    const { createApiRouter } = await import("../../middleware/router");
    const plain = (_req: unknown, res: { end(): void }) => res.end();
    assert.equal(breaches({ default: plain, config: { api: { bodyParser: false } } }).length, 1);
    assert.equal(breaches({ default: createApiRouter().handler() }).length, 1);
    assert.deepEqual(
      breaches({ default: createApiRouter().handler(), config: { api: { bodyParser: false } } }),
      [],
    );
  });
});
