import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { DEFAULT_CORE_HOST, DEFAULT_CORE_PORT } from "../core/defaults";
import { probeCore, startCoreProcess, type CoreProcess } from "../core/process";
import { whoHolds } from "./running-app";

/**
 * `npm run dev`: applies the database migrations (`npm run db:migrate`), then runs `next dev`, plus
 * the local core when no SUPERTOKENS_CONNECTION_URI is set.
 * Extra arguments go to `next dev` (`npm run dev -- --port 4000`).
 */
// The same .env files next dev reads, so that SUPERTOKENS_CONNECTION_URI or CORE_PORT set there is
// seen before deciding whether to start the local core.
loadEnvConfig(process.cwd(), true);

const nextBin = require.resolve("next/dist/bin/next");
const corePort = Number(process.env.CORE_PORT ?? DEFAULT_CORE_PORT);
const coreUrl = `http://${DEFAULT_CORE_HOST}:${corePort}`;

// Module-level so that a Ctrl-C during start-up still stops whatever was already started.
let core: CoreProcess | undefined;
let next: ChildProcess | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (next) return void next.kill(signal); // next's exit handler below stops the core
    void core?.stop();
    process.exit(130);
  });
}

async function startLocalCore(): Promise<void> {
  const state = await probeCore(coreUrl);
  if (state === "ours") {
    console.log(`Reusing the local core already running on ${coreUrl}`);
    return;
  }
  if (state === "foreign") {
    throw new Error(
      `Something else answers on ${coreUrl}. Set CORE_PORT to a free port, or point SUPERTOKENS_CONNECTION_URI at that core.`,
    );
  }
  core = await startCoreProcess({ port: corePort, inheritOutput: true });
}

function migrate(): void {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error("The database migrations failed (see above).");
}

/** The port `next dev` will take: `--port`/`-p`, else PORT, else 3000. */
function devPort(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: { port: { type: "string", short: "p" } },
    strict: false,
    allowPositionals: true,
  });
  return Number(values.port ?? process.env.PORT ?? 3000);
}

/**
 * `next dev` does not stop when its port is taken: it moves to the next free one and prints
 * "Ready", so the reader ends up with two apps and a browser tab on the old one. Stop here instead.
 */
async function refuseTakenPort(port: number): Promise<void> {
  const holder = await whoHolds(port);
  if (holder.kind === "app") {
    throw new Error(
      `The app is already running on port ${port}: open http://localhost:${port}, or stop it (Ctrl+C in its terminal) before starting it again.`,
    );
  }
  if (holder.kind === "other") {
    throw new Error(
      `Port ${port} is taken by another program. Stop it, or start the app on another port: npm run dev -- --port ${port + 1} (with API_DOMAIN=http://localhost:${port + 1}).`,
    );
  }
}

async function main(): Promise<void> {
  await refuseTakenPort(devPort(process.argv.slice(2)));
  migrate();
  const env = { ...process.env };
  if (!env.SUPERTOKENS_CONNECTION_URI) {
    await startLocalCore();
    env.SUPERTOKENS_CONNECTION_URI = coreUrl;
  }
  const child = spawn(process.execPath, [nextBin, "dev", ...process.argv.slice(2)], {
    stdio: "inherit",
    env,
  });
  next = child;
  // On Ctrl-C the whole process group (core included) gets SIGINT: only a crash is news.
  void core?.exit.then((code) => {
    if (code !== 0 && child.exitCode === null) console.error(`The local core stopped (${code}).`);
  });
  child.on("exit", (code, signal) => {
    const exitCode = code ?? (signal ? 1 : 0);
    if (!core) process.exit(exitCode);
    void core.stop().then(() => process.exit(exitCode));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void (core?.stop() ?? Promise.resolve()).then(() => process.exit(1));
});
