/**
 * One protection, three shapes: the chain (a next-connect router per pages/api file), a plain
 * pages/api handler (middleware/with-session.ts) and App Router route handlers
 * (middleware/app/route.ts). One table of cases, each run against every shape that has the route
 * it needs: the built app (`next start`) with the local core, and, for promises left pending, the
 * same modules served in this process.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startCore, type RunningCore } from "../../core/server";
import { bearer, call, send, type Reply } from "../../testing/http";
import { serveAppInProcess, type InProcessApp } from "../../testing/in-process";
import { useStack, useTempDir } from "../../testing/node";
import { expireAccessToken, refresh } from "../../testing/session";
import { credentials, signUp, type TestUser } from "../../testing/users";

type Shape = {
  name: string;
  /** GET: the caller's session (/api/user). */
  user: string;
  /** GET, PATCH, DELETE: one note of the caller's (/api/notes/[id]). */
  note: (id: string) => string;
  /** GET list, POST create (/api/notes). */
  notes?: string;
  /** GET with `hideFromAnonymous` (/api/hidden). */
  hidden?: string;
};

const shapes: Shape[] = [
  {
    name: "chain",
    user: "/api/user",
    note: (id) => `/api/notes/${id}`,
    notes: "/api/notes",
    hidden: "/api/hidden",
  },
  { name: "plain handler", user: "/api/plain/user", note: (id) => `/api/plain/notes/${id}` },
  {
    name: "route handlers",
    user: "/api/app-router/user",
    note: (id) => `/api/app-router/notes/${id}`,
    notes: "/api/app-router/notes",
    hidden: "/api/app-router/hidden",
  },
];

const allowed = "http://allowed.test";
const refused = "http://evil.test";
const requestedHeaders = "rid, fdi-version, st-auth-mode, content-type";
const noStore = "no-cache, no-store, max-age=0, must-revalidate";
const notFound = { error: { code: "not_found", message: "Not found" } };
type Note = { id: string; title: string; body: string };

const stack = useStack({ env: { ALLOWED_ORIGINS: allowed } });
let alice: TestUser;
let bob: TestUser;
let alicesNote: Note;
let alicesKey: string;
/** Alice's session as a browser holds it: cookies, not headers. */
let alicesCookies: string;

before(async () => {
  [alice, bob] = await Promise.all([signUp(stack), signUp(stack)]);
  const key = await call(
    `${stack.appUrl}/api/keys`,
    send("POST", { name: "script", scopes: ["notes:read"], expiresInDays: 30 }, alice.accessToken),
  );
  assert.equal(key.status, 201, key.text);
  alicesKey = (key.body as { key: string }).key;
  const cookieSignIn = await call(`${stack.appUrl}/api/auth/signin`, {
    ...send("POST", credentials(alice.email)),
    headers: { "content-type": "application/json", rid: "emailpassword", "st-auth-mode": "cookie" },
  });
  alicesCookies = cookieSignIn.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const created = await call(
    `${stack.appUrl}/api/notes`,
    send("POST", { title: "Alice's", body: "private" }, alice.accessToken),
  );
  assert.equal(created.status, 201, created.text);
  alicesNote = created.body as Note;
});

const at = (path: string, init: RequestInit = {}) =>
  call(`${stack.appUrl}${path}`, { signal: AbortSignal.timeout(10_000), ...init });

const preflight = (path: string, origin: string) =>
  at(path, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "PATCH",
      "access-control-request-headers": requestedHeaders,
    },
  });

function assertAppError(reply: Reply, status: number, code: string, message?: string) {
  assert.equal(reply.status, status, reply.text);
  const body = reply.body as { error: { code: string; message: string } };
  assert.equal(body.error.code, code);
  if (message !== undefined) assert.equal(body.error.message, message);
}

type Case = { name: string; run: (shape: Shape) => Promise<void>; needs?: "notes" | "hidden" };

// #region cases
const cases: Case[] = [
  {
    name: "preflight from an allowed origin: 204 with the CORS headers, on every route",
    async run(shape) {
      for (const path of [shape.user, shape.note(alicesNote.id)]) {
        const reply = await preflight(path, allowed);
        assert.equal(reply.status, 204, path);
        assert.equal(reply.headers.get("access-control-allow-origin"), allowed);
        assert.equal(reply.headers.get("access-control-allow-credentials"), "true");
        assert.match(reply.headers.get("access-control-allow-methods") ?? "", /PATCH/);
        const allowHeaders = (reply.headers.get("access-control-allow-headers") ?? "")
          .split(",")
          .map((header) => header.trim());
        for (const header of requestedHeaders.split(", ")) assert.ok(allowHeaders.includes(header));
        assert.match(reply.headers.get("vary") ?? "", /Origin/);
      }
    },
  },
  {
    name: "preflight from a refused origin: no Access-Control-Allow-Origin",
    async run(shape) {
      const reply = await preflight(shape.user, refused);
      // Answered like any preflight, but without the header, so the browser blocks the request.
      assert.equal(reply.status, 204);
      assert.equal(reply.headers.get("access-control-allow-origin"), null);
      assert.match(reply.headers.get("vary") ?? "", /Origin/);
    },
  },
  {
    name: "a cookie session, as a browser sends it: 200 for its user",
    async run(shape) {
      const reply = await at(shape.user, { headers: { cookie: alicesCookies } });
      assert.equal(reply.status, 200, reply.text);
      assert.equal((reply.body as { userId: string }).userId, alice.userId);
    },
  },
  {
    name: "an API key where only a session will do: 403 session_required, not the SDK's refresh",
    async run(shape) {
      assertAppError(await at(shape.user, { headers: bearer(alicesKey) }), 403, "session_required");
    },
  },
  {
    name: "anonymous: SuperTokens' 401 unauthorised, readable by an allowed origin, not stored",
    async run(shape) {
      const reply = await at(shape.user, { headers: { origin: allowed } });
      assert.equal(reply.status, 401);
      assert.deepEqual(reply.body, { message: "unauthorised" });
      assert.equal(reply.headers.get("access-control-allow-origin"), allowed);
      assert.equal(reply.headers.get("cache-control"), noStore);
    },
  },
  {
    name: "signed in: 200 with the caller's session",
    async run(shape) {
      const reply = await at(shape.user, { headers: bearer(alice.accessToken) });
      assert.equal(reply.status, 200, reply.text);
      assert.equal((reply.body as { userId: string }).userId, alice.userId);
      assert.equal(reply.headers.get("cache-control"), noStore);
    },
  },
  {
    name: "a token that is not one: SuperTokens' 401 unauthorised",
    async run(shape) {
      const reply = await at(shape.user, { headers: bearer("not-a-jwt") });
      assert.equal(reply.status, 401);
      assert.deepEqual(reply.body, { message: "unauthorised" });
    },
  },
  {
    name: "another user's note: 404 not_found, and it stays unchanged",
    async run(shape) {
      const path = shape.note(alicesNote.id);
      const read = await at(path, { headers: bearer(bob.accessToken) });
      assert.equal(read.status, 404);
      assert.deepEqual(read.body, notFound);
      const write = await at(path, send("PATCH", { title: "Bob's now" }, bob.accessToken));
      assert.deepEqual([write.status, write.body], [404, notFound]);
      const own = await at(path, { headers: bearer(alice.accessToken) });
      assert.deepEqual(own.body, alicesNote);
    },
  },
  {
    name: "malformed JSON: 400 invalid_json in the app's error shape",
    async run(shape) {
      const reply = await at(shape.note(alicesNote.id), {
        method: "PATCH",
        headers: { ...bearer(alice.accessToken), "content-type": "application/json" },
        body: '{"title": ',
      });
      assertAppError(reply, 400, "invalid_json", "The body is not valid JSON");
    },
  },
  {
    name: "a body the schema refuses: 400 invalid_input naming the field",
    async run(shape) {
      const reply = await at(
        shape.note(alicesNote.id),
        send("PATCH", { title: "" }, alice.accessToken),
      );
      assertAppError(reply, 400, "invalid_input", "title: must not be empty");
    },
  },
  {
    name: "an unknown method: 405 with Allow, in JSON, readable by an allowed origin",
    async run(shape) {
      const reply = await at(shape.user, { method: "PUT", headers: { origin: allowed } });
      assertAppError(reply, 405, "method_not_allowed", "PUT is not allowed here");
      assert.equal(reply.headers.get("allow"), "OPTIONS, GET, HEAD");
      assert.equal(reply.headers.get("access-control-allow-origin"), allowed);
    },
  },
  {
    name: "create, then list: the new note comes first",
    needs: "notes",
    async run(shape) {
      const list = shape.notes!;
      const created = await at(
        list,
        send("POST", { title: shape.name, body: "x" }, bob.accessToken),
      );
      assert.equal(created.status, 201, created.text);
      const page = await at(list, { headers: bearer(bob.accessToken) });
      assert.equal(page.status, 200);
      const { notes } = page.body as { notes: Note[] };
      assert.deepEqual(notes[0], created.body);
      const wrong = await at(`${list}?limit=0`, { headers: bearer(bob.accessToken) });
      assertAppError(wrong, 400, "invalid_input", "limit: must be at least 1");
    },
  },
  {
    name: "hideFromAnonymous: 404 for anonymous callers and API keys, 200 once signed in",
    needs: "hidden",
    async run(shape) {
      const hidden = shape.hidden!;
      const anonymous = await at(hidden);
      assert.deepEqual([anonymous.status, anonymous.body], [404, notFound]);
      const key = await at(hidden, { headers: bearer(alicesKey) });
      assert.deepEqual([key.status, key.body], [404, notFound]);
      const signedIn = await at(hidden, { headers: bearer(alice.accessToken) });
      assert.equal(signedIn.status, 200);
    },
  },
];
// #endregion cases

for (const shape of shapes) {
  describe(shape.name, () => {
    for (const { name, needs, run } of cases) {
      if (needs === undefined || shape[needs] !== undefined) test(name, () => run(shape));
    }
  });
}

test("an unknown path still gets the app's own 404 page, not the App Router's", async () => {
  const paths = ["/no-such-page", "/404", "/api/no-such-route", "/api/app-router/no-such-route"];
  for (const path of paths) {
    const reply = await at(path);
    assert.equal(reply.status, 404, path);
    assert.match(reply.text, /There is nothing at this address/, path);
  }
});

describe("served in this process", () => {
  let core: RunningCore;
  let app: InProcessApp;
  const dataDir = useTempDir("api-shapes");

  before(async () => {
    core = await startCore({ port: 0, inMemory: true, testRoutes: true });
    app = await serveAppInProcess({
      dataDir,
      env: { SUPERTOKENS_CONNECTION_URI: core.url, ALLOWED_ORIGINS: allowed },
      routes: async () => ({
        "/api/auth/*": await import("../../pages/api/auth/[[...path]]"),
        "/api/user": await import("../../pages/api/user/index"),
        "/api/hidden": await import("../../pages/api/hidden"),
        "/api/plain/user": await import("../../pages/api/plain/user"),
        "/api/app-router/user": await import("../../app/api/app-router/user/route"),
        "/api/app-router/hidden": await import("../../app/api/app-router/hidden/route"),
      }),
    });
  });
  after(async () => {
    await app?.close();
    await core?.close();
  });

  describe("no handler promise is left pending once its answer is sent", () => {
    for (const shape of shapes) {
      test(`${shape.name}: preflight, 401, 404 and 405`, async () => {
        const requests: [string, RequestInit, number][] = [
          [shape.user, { method: "OPTIONS", headers: { origin: allowed } }, 204],
          [shape.user, {}, 401],
          [shape.user, { headers: bearer("not-a-jwt") }, 401],
          [shape.user, { method: "PUT" }, 405],
        ];
        if (shape.hidden) requests.push([shape.hidden, {}, 404]);
        for (const [path, init, status] of requests) {
          const replies = await Promise.all(
            Array.from({ length: 10 }, () => call(`${app.url}${path}`, init)),
          );
          for (const reply of replies) assert.equal(reply.status, status, `${path}: ${reply.text}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(app.pending(), 0);
      });
    }
  });

  describe("an expired access token: 401 try refresh token, then the refreshed one works", () => {
    // One user per shape: a refresh token used twice would count as theft.
    const users = new Map<string, TestUser>();
    before(async () => {
      for (const shape of shapes) {
        const user = await signUp({ appUrl: app.url });
        const expired = await expireAccessToken({ coreUrl: core.url }, user.accessToken);
        users.set(shape.name, { ...user, accessToken: expired });
      }
    });

    for (const shape of shapes) {
      test(shape.name, async () => {
        const user = users.get(shape.name)!;
        // Also with hideFromAnonymous: a signed-in caller whose token expired is not anonymous.
        for (const path of [shape.user, ...(shape.hidden ? [shape.hidden] : [])]) {
          const expired = await call(`${app.url}${path}`, { headers: bearer(user.accessToken) });
          assert.equal(expired.status, 401, path);
          assert.deepEqual(expired.body, { message: "try refresh token" });
        }
        const renewed = await refresh({ appUrl: app.url }, user.refreshToken);
        const retry = await call(`${app.url}${shape.user}`, {
          headers: bearer(renewed.accessToken),
        });
        assert.equal(retry.status, 200, retry.text);
        assert.equal((retry.body as { userId: string }).userId, user.userId);
      });
    }
  });
});
