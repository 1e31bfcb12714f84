/**
 * A frontend on another origin (examples/cross-origin, built with Vite) signs in to the app and calls
 * its protected API in a real browser, with each session transport; a page on an origin that is not
 * on ALLOWED_ORIGINS is refused by the browser. Self-contained: starts its own app stack, serves two
 * builds of the example and the third page on free ports, and stops them all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, expireAccessToken, test } from "../testing/playwright";
import { freePort, startStack, type Stack } from "../testing/stack";
import { PASSWORD, uniqueEmail } from "../testing/users";

type Transport = "cookie" | "header";

const root = path.resolve(__dirname, "..");
const viteBin = path.join(path.dirname(require.resolve("vite/package.json")), "bin/vite.js");
const viteConfig = path.join(root, "examples/cross-origin/vite.config.ts");

let stack: Stack;
let buildDir: string;
// Same site as the API (localhost) for cookies; another site (127.0.0.1) for header sessions.
const origins = { cookie: "", cookieOtherSite: "", header: "", third: "" };
const stopServers: Array<() => Promise<void>> = [];

// One stack for the whole file, even under a config with fullyParallel.
test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const [cookiePort, headerPort, thirdPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  origins.cookie = `http://localhost:${cookiePort}`;
  origins.cookieOtherSite = `http://127.0.0.1:${cookiePort}`;
  origins.header = `http://127.0.0.1:${headerPort}`;
  origins.third = `http://localhost:${thirdPort}`;

  stack = await startStack({
    env: { ALLOWED_ORIGINS: [origins.cookie, origins.cookieOtherSite, origins.header].join(",") },
  });
  stopServers.push(() => stack.stop());

  buildDir = await mkdtemp(path.join(os.tmpdir(), "cross-origin-"));
  stopServers.push(() => rm(buildDir, { recursive: true, force: true }));
  await Promise.all([buildExample("cookie"), buildExample("header")]);
  await serveExample("cookie", cookiePort);
  await serveExample("header", headerPort);
  await serveThirdOrigin(thirdPort, stack.appUrl);
});

test.afterAll(async () => {
  for (const stop of stopServers.reverse()) await stop();
});

for (const transport of ["cookie", "header"] as const) {
  test(`${transport} sessions: sign up, sign in, call the API, refresh, sign out`, async ({
    page,
    context,
  }) => {
    const calls = recordApiCalls(page);
    await page.goto(origins[transport]);
    await expect(page.locator("#transport")).toHaveText(transport);
    await expect(page.locator("#session")).toHaveText("Signed out");
    await expect(page.locator("#site-warning")).toBeHidden();

    const email = uniqueEmail(transport);
    await submit(page, "Sign up", email, "OK");
    await click(page, "Sign out", "signed out");
    await submit(page, "Sign in", email, "OK");
    const userId = (await page.locator("#session").textContent())?.replace("Signed in as ", "");
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);

    // Where the session travels: the API's httpOnly cookies, or an Authorization header.
    const userRequest = page.waitForRequest(`${stack.appUrl}/api/user`);
    const user = await click(page, "GET /api/user", "200");
    expect(user).toMatchObject({ userId });
    const headers = await (await userRequest).allHeaders();
    expect(headers["st-auth-mode"]).toBe(transport);
    if (transport === "cookie") {
      expect(headers.cookie).toContain("sAccessToken=");
      expect(headers.authorization).toBeUndefined();
      expect(await sessionCookies(context)).toEqual(["sAccessToken", "sRefreshToken"]);
    } else {
      expect(headers.authorization).toMatch(/^Bearer ey/);
      expect(headers.cookie).toBeUndefined();
      expect(await sessionCookies(context)).toEqual([]);
    }

    const note = await click(page, "POST /api/notes", "201");
    expect(note).toMatchObject({ title: `Written from ${origins[transport]}` });
    expect(await click(page, "GET /api/notes", "200")).toMatchObject({ notes: [note] });

    // Wherever the token is kept (the API's cookie, or the SDK's own on this site), it expires.
    await expireAccessToken(context, stack);
    const before = calls.length;
    expect(await click(page, "GET /api/user", "200")).toMatchObject({ userId });
    expect(calls.slice(before)).toEqual([
      "GET /api/user 401",
      "POST /api/auth/session/refresh 200",
      "GET /api/user 200",
    ]);
    await expect(page.locator("#events")).toContainText("REFRESH_SESSION");

    await click(page, "Sign out", "signed out");
    await expect(page.locator("#session")).toHaveText("Signed out");
    await click(page, "GET /api/user", "401");
    expect(await sessionCookies(context)).toEqual([]);
  });
}

test("cookie sessions do not cross sites: the browser drops the API's cookies", async ({
  page,
  context,
}) => {
  // The same cookie build, opened as 127.0.0.1: allowed by CORS, but another site than localhost.
  const calls = recordApiCalls(page);
  const consoleErrors = recordConsoleErrors(page);
  await page.goto(origins.cookieOtherSite);
  // The page says so before anyone signs up, and names the address that works.
  const warning = page.getByRole("alert");
  await expect(warning).toContainText("This page is on 127.0.0.1 and the API on localhost");
  await expect(warning).toContainText(`Open ${origins.cookie} instead`);
  await submit(page, "Sign up", uniqueEmail("cross-site"), "OK");
  expect(await sessionCookies(context)).toEqual([]);

  const before = calls.length;
  await click(page, "GET /api/user", "401");
  expect(calls.slice(before)).toEqual(["GET /api/user 401", "POST /api/auth/session/refresh 401"]);
  await expect(page.locator("#session")).toHaveText("Signed out");
  // No CORS message: nothing in the console says why (docs/cross-origin.md, item 7).
  await expect
    .poll(() => consoleErrors)
    .toContain("Failed to load resource: the server responded with a status of 401 (Unauthorized)");
  expect(consoleErrors.filter((text) => text.includes("CORS policy"))).toEqual([]);
});

test("a third origin is refused: the browser blocks its calls", async ({ page, context }) => {
  // Signed in first, so the browser holds the API's cookies and would send them along.
  await page.goto(origins.cookie);
  await submit(page, "Sign up", uniqueEmail("third"), "OK");

  const third = await context.newPage();
  const consoleErrors = recordConsoleErrors(third);
  await third.goto(origins.third);

  // Chromium may log the CORS message only after the page has shown the failure: poll for it.
  const blocked = (path: string, why: string) =>
    expect
      .poll(() => consoleErrors)
      .toContainEqual(
        expect.stringContaining(
          `Access to fetch at '${stack.appUrl}${path}' from origin '${origins.third}' has been ` +
            `blocked by CORS policy: ${why}`,
        ),
      );
  const noAllowOrigin =
    "No 'Access-Control-Allow-Origin' header is present on the requested resource.";

  await third.getByRole("button", { name: "GET /api/user" }).click();
  await expect(third.locator("#result")).toHaveText("TypeError: Failed to fetch");
  await blocked("/api/user", noAllowOrigin);

  await third.getByRole("button", { name: "POST /api/notes" }).click();
  await expect(third.locator("#result")).toHaveText("TypeError: Failed to fetch");
  await blocked(
    "/api/notes",
    `Response to preflight request doesn't pass access control check: ${noAllowOrigin}`,
  );
  // The refused preflight kept the POST from being sent at all: no note was written.
  expect(await click(page, "GET /api/notes", "200")).toEqual({ notes: [], nextCursor: null });
});

/** Every response from the API, as "METHOD /path status" (the browser's own preflights excluded). */
function recordApiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    const method = response.request().method();
    if (url.origin === stack.appUrl && method !== "OPTIONS") {
      calls.push(`${method} ${url.pathname} ${response.status()}`);
    }
  });
  return calls;
}

function recordConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

/** Names of the API's session cookies the browser holds, whatever their path. */
async function sessionCookies(context: BrowserContext): Promise<string[]> {
  const names = (await context.cookies()).map((cookie) => cookie.name);
  return names.filter((name) => name === "sAccessToken" || name === "sRefreshToken").sort();
}

async function submit(page: Page, action: "Sign up" | "Sign in", email: string, status: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: action, exact: true }).click();
  await expect(page.locator("#result-status")).toHaveText(`${action}: ${status}`);
}

/** Clicks an action button and returns the JSON body the page shows once `label: status` appears. */
async function click(page: Page, label: string, status: string): Promise<unknown> {
  await page.getByRole("button", { name: label, exact: true }).click();
  await expect(page.locator("#result-status")).toHaveText(`${label}: ${status}`);
  const body = await page.locator("#result-body").textContent();
  return body ? JSON.parse(body) : null;
}

async function buildExample(transport: Transport): Promise<void> {
  const env = { VITE_API_DOMAIN: stack.appUrl, VITE_SESSION_TRANSPORT: transport };
  const build = vite(["build", "--outDir", path.join(buildDir, transport)], env, "pipe");
  let output = "";
  build.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  build.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(build, "exit")) as [number | null];
  if (code !== 0) throw new Error(`vite build (${transport}) failed:\n${output}`);
}

async function serveExample(transport: Transport, port: number): Promise<void> {
  const outDir = path.join(buildDir, transport);
  const preview = vite(["preview", "--outDir", outDir, "--port", `${port}`], {}, "ignore");
  stopServers.push(async () => {
    if (preview.exitCode !== null) return;
    preview.kill("SIGTERM");
    await once(preview, "exit");
  });
  const status = async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => null))?.status;
  await expect.poll(status, { timeout: 20_000 }).toBe(200);
}

/** The Vite CLI with the example's config, as a user would run it. */
function vite(args: string[], env: Record<string, string>, stdio: "pipe" | "ignore"): ChildProcess {
  return spawn(process.execPath, [viteBin, ...args, "--config", viteConfig], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio,
  });
}

/** A page on an origin that is not on ALLOWED_ORIGINS, calling the API without the SDK. */
async function serveThirdOrigin(port: number, apiUrl: string): Promise<void> {
  const html = `<!doctype html>
<title>Not on the list</title>
<button id="read">GET /api/user</button>
<button id="write">POST /api/notes</button>
<p id="result" role="status"></p>
<script>
  const show = (text) => (document.getElementById("result").textContent = text);
  const call = (path, init) => {
    show("pending");
    return fetch(${JSON.stringify(apiUrl)} + path, { credentials: "include", ...init }).then(
      (response) => show("status " + response.status),
      (error) => show(error.name + ": " + error.message),
    );
  };
  document.getElementById("read").onclick = () => call("/api/user");
  document.getElementById("write").onclick = () =>
    call("/api/notes", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "from a third origin", body: "must never arrive" }),
    });
</script>`;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  stopServers.push(() => new Promise((resolve) => server.close(() => resolve())));
}
