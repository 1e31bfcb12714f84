/**
 * `npm run bench:rate-limit`: what the rate-limit link costs on a protected read, with the
 * counters on SQLite and on PostgreSQL (a throwaway server, testing/postgres.ts) in the same run.
 * Alternating rounds of the same route with and without the link (bench/rate-limit-server.ts, in a
 * process of its own) give requests per second, latency and the server's CPU time per request; the
 * difference is the link's cost: one counter upsert in the app's database.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startCore, type RunningCore } from "../core/server";
import { createTestDatabase, startPostgres } from "../testing/postgres";
import { migrate } from "../testing/stack";
import { signUp } from "../testing/users";
import { fire, summarise, type Figures, type Round, type Target } from "./load";

const rounds = 4;
const roundSeconds = 2;

async function main() {
  const core = await startCore({ port: 0, inMemory: true });
  const postgres = await startPostgres();
  process.env.TEST_DATABASE_URL = postgres.url;
  const lines: string[] = [
    "Rate-limit link on a protected read (GET /api/user's chain), in alternating rounds:",
    "",
    "| counters on | route | req/s | p50 ms | p99 ms | CPU µs/request |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  const costs: string[] = [];
  try {
    for (const store of ["SQLite", "PostgreSQL"] as const) {
      const database = store === "PostgreSQL" ? await createTestDatabase() : undefined;
      try {
        const [without, withLink] = await measure(core, database?.url);
        for (const [route, f] of [
          ["without the link", without],
          ["with rateLimit()", withLink],
        ] as const) {
          lines.push(
            `| ${store} | ${route} | ${f.perSecond} | ${f.p50Ms} | ${f.p99Ms} | ${f.cpuMicros} |`,
          );
        }
        const odd = [without, withLink].reduce(
          (n, f) => n + f.errors + Object.values(f.unexpected).reduce((a, b) => a + b, 0),
          0,
        );
        costs.push(
          `${store}: the link costs ${withLink.cpuMicros - without.cpuMicros} µs of CPU per ` +
            `request; throughput with/without ${(withLink.perSecond / without.perSecond).toFixed(3)}` +
            `; unexpected answers ${odd}.`,
        );
      } finally {
        await database?.drop();
      }
    }
  } finally {
    await postgres.destroy();
    await core.close();
  }
  console.log([...lines, "", ...costs].join("\n"));
}

/** Figures without and with the link, for counters in `databaseUrl` (SQLite when undefined). */
async function measure(core: RunningCore, databaseUrl?: string): Promise<[Figures, Figures]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "bench-rate-limit-"));
  await migrate(dataDir, databaseUrl);
  const server = spawn(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "rate-limit-server.ts")],
    {
      env: {
        ...process.env,
        SUPERTOKENS_CONNECTION_URI: core.url,
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl ?? "",
      },
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
    const { accessToken } = await signUp({ appUrl: url });
    const target = (route: string): Target => ({
      url: `${url}${route}`,
      pid: server.pid ?? -1,
      headers: { authorization: `Bearer ${accessToken}` },
      expect: 200,
    });
    const [plain, limited] = [target("/plain"), target("/limited")];
    for (const warm of [plain, limited]) await fire(warm, 1, 5_000);
    const byRoute = { plain: [] as Round[], limited: [] as Round[] };
    for (let round = 0; round < rounds; round++) {
      byRoute.plain.push(await fire(plain, roundSeconds, 1_000_000));
      byRoute.limited.push(await fire(limited, roundSeconds, 1_000_000));
    }
    return [summarise(byRoute.plain), summarise(byRoute.limited)];
  } finally {
    server.kill("SIGTERM");
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
