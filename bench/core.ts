import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type Request } from "autocannon";
import { startCoreProcess } from "../core/process";
import { freePort } from "../testing/stack";
import { PASSWORD } from "../testing/users";

/**
 * `npm run bench:core`: throughput of the local core on loopback, the way the SDK calls it.
 * The core runs in its own process (as with `npm run core`) on a temporary on-disk database.
 */
const DURATION_S = 4;
const MAX_REQUESTS = 40_000;
const POOL_SIZE = 2_000;
const JSON_HEADERS = { "content-type": "application/json", "cdi-version": "5.4" };

type Row = {
  operation: string;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  cpuMicros?: number;
};

/**
 * CPU time the core process has used (all its threads), from /proc on Linux. Unlike req/s it
 * does not depend on what else the machine is running, so it shows the core's own cost.
 */
function coreCpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  const fields = readFileSync(file, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, fields 14 and 15
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

async function startCore(dataDir: string) {
  // No API key, whatever the environment says: the load generator does not send one.
  const core = await startCoreProcess({ port: await freePort(), dataDir, apiKey: "" });
  return { url: core.url, cpuMs: () => coreCpuMs(core.pid), stop: () => core.stop() };
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T & { status?: string };
  if (json.status !== "OK") throw new Error(`setup call failed: ${JSON.stringify(json)}`);
  return json;
}

const sessionBody = (userId: string) => ({
  userId,
  userDataInJWT: { "st-role": { v: ["user"], t: 1 } },
  userDataInDatabase: {},
  useDynamicSigningKey: true,
  enableAntiCsrf: false,
});

type Session = { accessToken: { token: string }; refreshToken: { token: string } };

async function createPool(coreUrl: string): Promise<Session[]> {
  const pool: Session[] = [];
  for (let i = 0; i < POOL_SIZE; i += 50) {
    const batch = Array.from({ length: 50 }, (_, j) =>
      post<Session>(`${coreUrl}/public/recipe/session`, sessionBody(`pool-${i + j}`)),
    );
    pool.push(...(await Promise.all(batch)));
  }
  return pool;
}

/** Requests cycling through `bodies`, so each one works on a different session or user. */
function cycling(path: string, bodies: string[]): Request[] {
  let next = 0;
  return [
    {
      method: "POST",
      path,
      headers: JSON_HEADERS,
      setupRequest: (request: Request) => ({
        ...request,
        body: bodies[next++ % bodies.length],
      }),
    },
  ];
}

type Core = Awaited<ReturnType<typeof startCore>>;

async function measure(
  operation: string,
  core: Core,
  requests: Request[],
  connections: number,
  /** Off for runs that share the core with another run: their CPU cannot be told apart. */
  trackCpu = true,
): Promise<Row> {
  const cpuBefore = trackCpu ? core.cpuMs() : undefined;
  const result = await autocannon({
    url: core.url,
    connections,
    duration: DURATION_S,
    maxOverallRequests: MAX_REQUESTS,
    requests,
  });
  const cpuAfter = core.cpuMs();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  // Business failures are HTTP 200 with a status: a sample of replies is checked before each run.
  return {
    operation,
    cpuMicros: cpu === undefined ? undefined : Math.round((cpu * 1000) / result["2xx"]),
    perSecond: Math.round(result["2xx"] / (result.duration || DURATION_S)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

function printTable(rows: Row[], loadBefore: string): void {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(
    `\nLocal core on loopback — ${os.cpus().length} CPUs (${cpu}), Node ${process.version}`,
  );
  // The machine may be shared: req/s moves with its load, CPU per request does not.
  console.log(`Load average before the runs: ${loadBefore}`);
  console.log(`Each run: at most ${DURATION_S} s and ${MAX_REQUESTS} requests.\n`);
  console.log("| operation | req/s | p50 ms | p99 ms | failed | core CPU µs/req |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const cost = r.cpuMicros ?? "n/a";
    console.log(
      `| ${r.operation} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.failed} | ${cost} |`,
    );
  }
}

async function main(): Promise<void> {
  const loadBefore = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "core-bench-"));
  const core = await startCore(dataDir);
  try {
    const pool = await createPool(core.url);
    const refreshBodies = pool.map((s) =>
      JSON.stringify({
        refreshToken: s.refreshToken.token,
        enableAntiCsrf: false,
        useDynamicSigningKey: true,
      }),
    );
    const verifyBodies = pool.map((s) =>
      JSON.stringify({
        accessToken: s.accessToken.token,
        doAntiCsrfCheck: false,
        enableAntiCsrf: false,
        checkDatabase: true,
      }),
    );
    const emails = Array.from({ length: 8 }, (_, i) => `bench-${i}@example.com`);
    for (const email of emails) {
      await post(`${core.url}/public/recipe/signup`, { email, password: PASSWORD });
    }
    const signInBodies = emails.map((email) => JSON.stringify({ email, password: PASSWORD }));
    // Sanity: every kind of request answers OK before it is measured.
    await post(`${core.url}/recipe/session/refresh`, JSON.parse(refreshBodies[0] ?? "{}"));
    await post(`${core.url}/recipe/session/verify`, JSON.parse(verifyBodies[0] ?? "{}"));
    await post(`${core.url}/public/recipe/signin`, JSON.parse(signInBodies[0] ?? "{}"));

    const sessionCreate: Request[] = [
      {
        method: "POST",
        path: "/public/recipe/session",
        headers: JSON_HEADERS,
        body: JSON.stringify(sessionBody("bench-user")),
      },
    ];
    const rows = [
      await measure("session create", core, sessionCreate, 16),
      await measure("session refresh", core, cycling("/recipe/session/refresh", refreshBodies), 16),
      await measure(
        "session verify (checkDatabase)",
        core,
        cycling("/recipe/session/verify", verifyBodies),
        16,
      ),
      await measure("sign-in alone", core, cycling("/public/recipe/signin", signInBodies), 4),
    ];
    const [signIns, refreshes] = await Promise.all([
      measure(
        "sign-in, while refreshes run",
        core,
        cycling("/public/recipe/signin", signInBodies),
        4,
        false,
      ),
      measure(
        "refresh, while sign-ins run",
        core,
        cycling("/recipe/session/refresh", refreshBodies),
        16,
        false,
      ),
    ]);
    rows.push(signIns, refreshes);
    printTable(rows, loadBefore);
  } finally {
    await core.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
