import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { freePort } from "../../testing/stack";

// `npm run dev` and `npm run dev:cross-origin` look at their port before starting anything. Here a
// stand-in answers the app's /api/health on one port and a foreign server holds another.
const root = path.resolve(import.meta.dirname, "../..");
let appPort: number;
let otherPort: number;
const servers: http.Server[] = [];

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

before(async () => {
  appPort = await listen((req, res) => {
    res.setHeader("content-type", "application/json");
    // The app's CORS link echoes an allowed origin; this one allows none.
    res.end(JSON.stringify({ status: "ok", core: "up", database: "up" }));
  });
  otherPort = await listen((_req, res) => res.end("<html>something else</html>"));
});
after(() => servers.forEach((server) => server.close()));

type Run = { status: number | null; stdout: string; stderr: string };

// Asynchronous: the stand-ins live in this process and must answer while the script runs.
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      {
        cwd: root,
        timeout: 30_000,
        env: { ...process.env, SUPERTOKENS_CONNECTION_URI: "http://127.0.0.1:1", ...env },
      },
      (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }),
    );
  });
}

describe("dev scripts stop, saying what to do, when their port is taken", () => {
  test("npm run dev, with the app already running there", async () => {
    const result = await run("scripts/dev.ts", ["--port", `${appPort}`]);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`The app is already running on port ${appPort}`));
    assert.match(result.stderr, /Ctrl\+C/);
    assert.doesNotMatch(result.stdout, /Ready/);
  });

  test("npm run dev, with another program there", async () => {
    const result = await run("scripts/dev.ts", ["-p", `${otherPort}`]);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`Port ${otherPort} is taken by another program`));
    assert.match(result.stderr, new RegExp(`npm run dev -- --port ${otherPort + 1}`));
  });

  test("npm run dev:cross-origin, with an app that does not allow the example", async () => {
    const result = await run("examples/cross-origin/dev.ts", [], {
      API_DOMAIN: `http://localhost:${appPort}`,
      EXAMPLE_PORT: `${await freePort()}`,
    });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /without this example's origins in ALLOWED_ORIGINS/);
    assert.doesNotMatch(result.stdout, /VITE/);
  });
});

describe("npm run dev:cross-origin prints the address whose cookies reach the API", () => {
  test("with an app that allows the example: reuses it, prints and serves http://localhost:<port>", async () => {
    const allowing = await listen((req, res) => {
      res.setHeader("content-type", "application/json");
      res.setHeader("access-control-allow-origin", req.headers.origin ?? "");
      res.end(JSON.stringify({ status: "ok", core: "up", database: "up" }));
    });
    const examplePort = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "examples/cross-origin/dev.ts"], {
      cwd: root,
      detached: true, // its own process group, so that Vite goes too when the test stops it
      env: {
        ...process.env,
        API_DOMAIN: `http://localhost:${allowing}`,
        EXAMPLE_PORT: `${examplePort}`,
        NO_COLOR: "1",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 30_000;
      while (!/Local:/.test(output) && child.exitCode === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const local = `http://localhost:${examplePort}/`;
      assert.match(
        output,
        new RegExp(`Reusing the app already running on http://localhost:${allowing}`),
      );
      assert.match(output, new RegExp(`open ${local.slice(0, -1)} \\(cookie sessions\\)`));
      assert.match(output, new RegExp(`Local:\\s+${local}`), output);
      assert.doesNotMatch(
        output,
        /Local:\s+http:\/\/127\./,
        "not an address whose cookies miss the API",
      );
      const page = await fetch(local);
      assert.equal(page.status, 200);
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    }
  });
});
