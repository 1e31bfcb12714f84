/**
 * `npm run bench`: what protecting an API route costs, measured. Builds the app into .next-bench,
 * starts it with the local core, drives it with autocannon on 127.0.0.1, then writes the table to
 * bench/results/latest.json and docs/benchmarks.md (which explains how to read it).
 * `--skip-build` reuses the existing build, for iterating on the bench itself.
 */
import os from "node:os";
import { version as autocannonVersion } from "autocannon/package.json";
import { startStack, type Stack } from "../testing/stack";
import { signUp, uniqueEmail } from "../testing/users";
import { countNotes, createReadKey } from "./client";
import { connections, fire, summarise, type Figures, type Round, type Target } from "./load";
import { floorsDuring, growthPerChunk } from "./memory";
import { runCommand, startCeiling } from "./processes";
import { writeReport, type Goal, type Results } from "./report";
import { targets, type Server, type Targets } from "./targets";
import { measureVerification } from "./verification";

const distDir = ".next-bench";
const rounds = 6;
const roundSeconds = 2;
const notesToWrite = 4_000;
const chunkSize = 10_000;
const warmUpChunks = 4;
const stormChunks = 10;
/** Most the storm may grow the app's memory: about 170 bytes per request. */
const growthLimitMiB = 16;
const runLimitSeconds = 300;

type Measured = Pick<Results, "reads" | "writes" | "storm" | "verification">;

async function main() {
  const started = performance.now();
  const build = process.argv.includes("--skip-build") ? null : await buildApp();
  if (build && build.exitCode !== 0) throw new Error(`next build failed (exit ${build.exitCode})`);

  // The default token validity (one hour) outlives the run: no refresh happens under load.
  // The servers' own output shows, so an error they log under load is seen where it happens.
  const stack = await startStack({
    distDir,
    coreConfig: { access_token_validity: 3600 },
    inheritOutput: true,
  });
  const ceiling = await startCeiling();
  let measured: Measured;
  try {
    measured = await measure(stack, ceiling);
  } finally {
    await Promise.all([ceiling.stop(), stack.stop()]);
  }
  // Run alone, after the app has stopped, so the two benches do not share the CPUs.
  console.log("\nnpm run bench:core");
  const core = await runCommand("npm", ["run", "--silent", "bench:core"], {}, 120);
  console.log("\nnpm run bench:rate-limit");
  const rateLimit = await runCommand("npm", ["run", "--silent", "bench:rate-limit"], {}, 240);
  console.log("\nnpm run bench:db");
  const dbEnv = { NEXT_DIST_DIR: distDir };
  const databases = await runCommand("npm", ["run", "--silent", "bench:db"], dbEnv, 300);

  const { reads } = measured;
  const ratio = (a: Figures, b: Figures) => Number((a.perSecond / b.perSecond).toFixed(3));
  const ratios = {
    userToPublic: ratio(reads.user, reads.public),
    strictToPublic: ratio(reads.strict, reads.public),
    publicToCeiling: ratio(reads.public, reads.ceiling),
    notesKeyToSession: ratio(reads.notesKey, reads.notesSession),
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
    rateLimit: { exitCode: rateLimit.exitCode, output: rateLimit.output },
    databases: { exitCode: databases.exitCode, output: databases.output },
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

async function measure(stack: Stack, ceiling: Server): Promise<Measured> {
  // The app listens on 127.0.0.1; `localhost` may resolve to ::1 first.
  const app = stack.appUrl.replace("//localhost:", "//127.0.0.1:");
  const at = { appUrl: app };
  const reader = (await signUp(at, { email: uniqueEmail("bench-reader") })).accessToken;
  const tokens = {
    reader,
    writer: (await signUp(at, { email: uniqueEmail("bench-writer") })).accessToken,
    readerKey: await createReadKey(app, reader),
  };
  const t = targets({ url: app, pid: stack.appPid, origin: stack.appUrl }, ceiling, tokens);

  // The first requests load each route's module and warm the JIT: run them, measure nothing.
  log("warming up");
  for (const target of [...Object.values(t.reads), t.warmUpNote, t.anonymous, t.preflight]) {
    await fire(target, 1, 20_000);
  }
  return {
    reads: await readRounds(t.reads),
    writes: await writeNotes(app, t.note, tokens.writer),
    storm: await storm(t.anonymous, t.preflight),
    // Last, with the app idle: the same check the signed-in route runs, without Next.js around it.
    verification: await verifyAlone(stack.coreUrl, tokens.reader),
  };
}

/** A/B/A/B: short alternating rounds give every route the same share of the machine's noise. */
async function readRounds(reads: Targets["reads"]): Promise<Results["reads"]> {
  const byRoute: Record<keyof typeof reads, Round[]> = {
    ceiling: [],
    public: [],
    user: [],
    strict: [],
    notesSession: [],
    notesKey: [],
  };
  for (let round = 1; round <= rounds; round++) {
    log(`read routes, round ${round} of ${rounds}`);
    for (const name of Object.keys(byRoute) as (keyof typeof reads)[]) {
      byRoute[name].push(await fire(reads[name], roundSeconds, 1_000_000));
    }
  }
  return {
    ceiling: summarise(byRoute.ceiling),
    public: summarise(byRoute.public),
    user: summarise(byRoute.user),
    strict: summarise(byRoute.strict),
    notesSession: summarise(byRoute.notesSession),
    notesKey: summarise(byRoute.notesKey),
  };
}

async function verifyAlone(coreUrl: string, token: string): Promise<Results["verification"]> {
  log("the session check alone, in this process");
  return measureVerification(coreUrl, token, connections);
}

/**
 * Bounded by count, so every answer arrives before the run ends (a run cut by time drops the
 * answers in flight while the server still stores those notes); the time cap is only a guard.
 */
async function writeNotes(app: string, note: Target, token: string): Promise<Results["writes"]> {
  log(`POST /api/notes × ${notesToWrite}`);
  const writes = summarise([await fire(note, 30, notesToWrite)]);
  return { ...writes, stored: await countNotes(app, token, notesToWrite) };
}

/**
 * Chunks of unauthenticated requests, alternating 401s and preflights. The first chunks let the
 * heap grow to its working size; the floors of the next ones show any growth after that.
 */
async function storm(anonymous: Target, preflight: Target): Promise<Results["storm"]> {
  log(`storm: ${warmUpChunks + stormChunks} chunks of ${chunkSize} unauthenticated requests`);
  const byKind = { unauthorised: [] as Round[], preflights: [] as Round[] };
  const chunks = Array.from({ length: warmUpChunks + stormChunks }, (_, index) => async () => {
    const kind = index % 2 === 0 ? "unauthorised" : "preflights";
    const round = await fire(kind === "unauthorised" ? anonymous : preflight, 30, chunkSize);
    if (index >= warmUpChunks) byKind[kind].push(round);
  });
  const floors = (await floorsDuring(anonymous.pid, chunks)).slice(warmUpChunks);
  return {
    unauthorised: summarise(byKind.unauthorised),
    preflights: summarise(byKind.preflights),
    chunkSize,
    floorsMiB: floors.map((floor) => Number(floor.toFixed(1))),
    growthMiB: Number((growthPerChunk(floors) * stormChunks).toFixed(1)),
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
      measured:
        `${m.writes.stored} stored, ${m.writes.expected} answered 201` +
        (answered(m.writes) < notesToWrite ? ` (cut at ${answered(m.writes)} answers)` : ""),
      met: m.writes.stored === m.writes.expected && answered(m.writes) === notesToWrite,
    },
    {
      name: `App memory growth over ${(stormChunks * chunkSize).toLocaleString("en-US")} unauthenticated requests`,
      goal: `≤ ${growthLimitMiB} MiB`,
      measured: `${m.storm.growthMiB >= 0 ? "+" : ""}${m.storm.growthMiB} MiB`,
      met: m.storm.growthMiB <= growthLimitMiB,
    },
    {
      name: "Answers other than the expected status, or connection errors",
      goal: "0",
      measured: String(odd),
      met: odd === 0,
    },
    {
      name: "Whole run (`npm run bench`)",
      goal: `< ${runLimitSeconds} s`,
      measured: `${totalSeconds.toFixed(0)} s`,
      met: totalSeconds < runLimitSeconds,
    },
  ];
}

function answered(figures: Figures): number {
  return Object.values(figures.unexpected).reduce((sum, n) => sum + n, figures.expected);
}

function log(step: string) {
  console.log(`[bench] ${step}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
