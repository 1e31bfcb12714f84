/**
 * `npm run bench:rate-limit`: what the rate-limit link costs on a protected read. Alternating
 * rounds of the same route with and without the link (bench/rate-limit-server.ts, in its own
 * process) give requests per second, latency and the server's CPU time per request; the
 * difference is the link's cost: one counter upsert in the app's database.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startCore } from "../core/server";
import { signUp } from "../testing/users";
import { fire, summarise, type Round, type Target } from "./load";

const rounds = 6;
const roundSeconds = 2;

async function main() {
  const core = await startCore({ port: 0, inMemory: true });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "bench-rate-limit-"));
  const server = spawn(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "rate-limit-server.ts")],
    {
      env: { ...process.env, SUPERTOKENS_CONNECTION_URI: core.url, DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      server.once("exit", () => reject(new Error("the bench server exited during start-up")));
      server.stdout.on("data", (chunk: Buffer) => {
        const match = /serving (\S+)/.exec(chunk.toString());
        if (match?.[1]) resolve(match[1]);
      });
    });
    const { accessToken } = await signUp({ appUrl: url.replace(/\/$/, "") });
    const target = (route: string): Target => ({
      url: `${url}${route}`,
      pid: server.pid ?? -1,
      headers: { authorization: `Bearer ${accessToken}` },
      expect: 200,
    });
    const plain = target("/plain");
    const limited = target("/limited");
    for (const warm of [plain, limited]) await fire(warm, 1, 5_000);

    const byRoute = { plain: [] as Round[], limited: [] as Round[] };
    for (let round = 0; round < rounds; round++) {
      byRoute.plain.push(await fire(plain, roundSeconds, 1_000_000));
      byRoute.limited.push(await fire(limited, roundSeconds, 1_000_000));
    }
    const [a, b] = [summarise(byRoute.plain), summarise(byRoute.limited)];
    const store = process.env.DATABASE_URL ? "PostgreSQL" : "SQLite";
    console.log(
      `Rate-limit link on a protected read (GET /api/user's chain), counters on ${store}:`,
    );
    console.log(`| route | req/s | p50 ms | p99 ms | CPU µs/request |`);
    console.log(`| --- | --- | --- | --- | --- |`);
    for (const [name, f] of [
      ["without the link", a],
      ["with rateLimit()", b],
    ] as const) {
      console.log(`| ${name} | ${f.perSecond} | ${f.p50Ms} | ${f.p99Ms} | ${f.cpuMicros} |`);
    }
    const odd = [a, b].reduce((n, f) => n + f.errors + Object.keys(f.unexpected).length, 0);
    console.log(
      `Link cost: ${b.cpuMicros - a.cpuMicros} µs of CPU per request; throughput ratio ` +
        `${(b.perSecond / a.perSecond).toFixed(3)} (with / without); unexpected answers: ${odd}.`,
    );
  } finally {
    server.kill("SIGTERM");
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
