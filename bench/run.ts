/**
 * `npm run bench`: what protecting an API route costs, measured. Builds the app into .next-bench,
 * starts it with the local core, drives it with autocannon on 127.0.0.1, then writes the table to
 * bench/results/latest.json and docs/benchmarks.md (which explains how to read it).
 * `--skip-build` reuses the existing build, for iterating on the bench itself.
 */
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { version as autocannonVersion } from "autocannon/package.json";
import { startStack, type Stack } from "../scripts/stack";
import { countNotes, signUp } from "./client";
import { connections, fire, summarise, type Figures, type Round, type Target } from "./load";
import { rssMiB, runCommand, startCeiling } from "./processes";
import { writeReport, type Goal, type Results } from "./report";

const distDir = ".next-bench";
const rounds = 6;
const roundSeconds = 2;
const maxWrites = 50_000;
const stormSize = 50_000;
/** Most a storm may grow the app's memory: a request that left anything behind would pass it. */
const rssNoiseMiB = 16;
const runLimitSeconds = 300;

type Measured = Pick<Results, "reads" | "writes" | "storm">;

async function main() {
  const started = performance.now();
  const build = process.argv.includes("--skip-build") ? null : await buildApp();
  if (build && build.exitCode !== 0) throw new Error(`next build failed (exit ${build.exitCode})`);

  // The default token validity (one hour) outlives the run: no refresh happens under load.
  const stack = await startStack({ distDir, coreConfig: { access_token_validity: 3600 } });
  const ceiling = await startCeiling();
  let measured: Measured;
  try {
    measured = await measure(stack, ceiling.url);
  } finally {
    await Promise.all([ceiling.stop(), stack.stop()]);
  }
  // Run alone, after the app has stopped, so the two benches do not share the CPUs.
  console.log("\nnpm run bench:core");
  const core = await runCommand("npm", ["run", "--silent", "bench:core"], {}, 120);

  const { reads } = measured;
  const ratio = (a: Figures, b: Figures) => Number((a.perSecond / b.perSecond).toFixed(3));
  const ratios = {
    userToPublic: ratio(reads.user, reads.public),
    strictToPublic: ratio(reads.strict, reads.public),
    publicToCeiling: ratio(reads.public, reads.ceiling),
  };
  const total = Number(((performance.now() - started) / 1000).toFixed(1));
  const cpus = os.cpus();
  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown CPU",
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      autocannon: autocannonVersion,
    },
    method: { connections, rounds, roundSeconds },
    ...measured,
    ratios,
    goals: goals(measured, ratios.userToPublic, total),
    core: { exitCode: core.exitCode, output: core.output },
    seconds: { build: build ? Number(build.seconds.toFixed(1)) : null, total },
  };
  console.log(`\n${await writeReport(results)}`);
  console.log("Written to bench/results/latest.json and docs/benchmarks.md.");
}

/** `next build` into its own directory, without telemetry: nothing may reach for the network. */
function buildApp() {
  const next = require.resolve("next/dist/bin/next");
  const env = { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
  return runCommand(process.execPath, [next, "build"], env, 240);
}

async function measure(stack: Stack, ceilingUrl: string): Promise<Measured> {
  // The app listens on 127.0.0.1; `localhost` may resolve to ::1 first.
  const app = stack.appUrl.replace("//localhost:", "//127.0.0.1:");
  const stamp = Date.now();
  const reader = await signUp(app, `bench-reader-${stamp}@example.com`);
  const writer = await signUp(app, `bench-writer-${stamp}@example.com`);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const reads = {
    ceiling: { url: ceilingUrl, expect: 200 },
    public: { url: `${app}/api/greeting`, expect: 200 },
    user: { url: `${app}/api/user`, headers: bearer(reader), expect: 200 },
    strict: { url: `${app}/api/user/strict`, headers: bearer(reader), expect: 200 },
  } satisfies Record<string, Target>;
  const writeNote = (token: string): Target => ({
    url: `${app}/api/notes`,
    method: "POST",
    headers: { ...bearer(token), "content-type": "application/json" },
    body: JSON.stringify({ title: "Benchmark", body: "Written under load." }),
    expect: 201,
  });
  const anonymous: Target = { url: `${app}/api/user`, expect: 401 };
  const preflight: Target = {
    url: `${app}/api/user`,
    method: "OPTIONS",
    headers: {
      origin: stack.appUrl,
      "access-control-request-method": "GET",
      "access-control-request-headers":
        "authorization, content-type, rid, fdi-version, st-auth-mode",
    },
    expect: 204,
  };

  // The first requests load each route's module and warm the JIT: run them, measure nothing.
  // Notes written here belong to the reader, so the writer's count below is exact.
  log("warming up");
  for (const target of [...Object.values(reads), writeNote(reader), anonymous, preflight]) {
    await fire(target, 1, 20_000);
  }

  // A/B/A/B: short alternating rounds give every route the same share of the machine's noise.
  const byRoute = { ceiling: [], public: [], user: [], strict: [] } as Record<
    keyof typeof reads,
    Round[]
  >;
  for (let round = 1; round <= rounds; round++) {
    log(`read routes, round ${round} of ${rounds}`);
    for (const [name, target] of Object.entries(reads) as [keyof typeof reads, Target][]) {
      byRoute[name].push(await fire(target, roundSeconds, 1_000_000));
    }
  }

  log("POST /api/notes");
  const writes = summarise([await fire(writeNote(writer), 5, maxWrites)]);
  const stored = await countNotes(app, writer, maxWrites);

  // Memory: settled after everything above, then after 2 × 50,000 unauthenticated requests.
  // Nothing is forced inside the server (no --expose-gc): we read what the kernel sees.
  const settledRss = async () => {
    await sleep(3_000);
    return rssMiB(stack.appPid);
  };
  const rssBeforeMiB = await settledRss();
  log(`storm: ${stormSize} × 401`);
  const unauthorised = summarise([await fire(anonymous, 60, stormSize)]);
  log(`storm: ${stormSize} × preflight`);
  const preflights = summarise([await fire(preflight, 60, stormSize)]);
  const rssAfterMiB = await settledRss();

  return {
    reads: {
      ceiling: summarise(byRoute.ceiling),
      public: summarise(byRoute.public),
      user: summarise(byRoute.user),
      strict: summarise(byRoute.strict),
    },
    writes: { ...writes, stored },
    storm: { unauthorised, preflights, rssBeforeMiB, rssAfterMiB },
  };
}

function goals(m: Measured, userToPublic: number, totalSeconds: number): Goal[] {
  const all: Figures[] = [
    ...Object.values(m.reads),
    m.writes,
    m.storm.unauthorised,
    m.storm.preflights,
  ];
  const odd = all
    .flatMap((f) => [f.errors, ...Object.values(f.unexpected)])
    .reduce((sum, n) => sum + n, 0);
  const growth = m.storm.rssAfterMiB - m.storm.rssBeforeMiB;
  return [
    {
      name: "Signed-in `GET /api/user` vs public route",
      goal: "≥ 0.90",
      measured: userToPublic.toFixed(2),
      met: userToPublic >= 0.9,
    },
    {
      name: "Notes lost under load",
      goal: "stored = answered 201",
      measured: `${m.writes.stored} stored, ${m.writes.expected} answered 201`,
      met: m.writes.stored === m.writes.expected,
    },
    {
      name: `App memory after ${(2 * stormSize).toLocaleString("en-US")} unauthenticated requests`,
      goal: `≤ +${rssNoiseMiB} MiB`,
      measured: `${growth >= 0 ? "+" : ""}${growth.toFixed(1)} MiB`,
      met: growth <= rssNoiseMiB,
    },
    {
      name: "Answers other than the expected status, or connection errors",
      goal: "0",
      measured: String(odd),
      met: odd === 0,
    },
    {
      name: "Whole run, build included",
      goal: `< ${runLimitSeconds} s`,
      measured: `${totalSeconds.toFixed(0)} s`,
      met: totalSeconds < runLimitSeconds,
    },
  ];
}

function log(step: string) {
  console.log(`[bench] ${step}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
