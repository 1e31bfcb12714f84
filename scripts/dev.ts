import { spawn, type ChildProcess } from "node:child_process";
import { loadEnvConfig } from "@next/env";
import { probeCore, startCoreProcess, type CoreProcess } from "../core/process";

/**
 * `npm run dev`: `next dev`, plus the local core when no SUPERTOKENS_CONNECTION_URI is set.
 * Extra arguments go to `next dev` (`npm run dev -- --port 4000`).
 */
// The same .env files next dev reads, so that SUPERTOKENS_CONNECTION_URI or CORE_PORT set there is
// seen before deciding whether to start the local core.
loadEnvConfig(process.cwd(), true);

const nextBin = require.resolve("next/dist/bin/next");
const corePort = Number(process.env.CORE_PORT ?? 3567);
// 127.0.0.1, not localhost: Node may resolve localhost to ::1, where the core does not listen.
const coreUrl = `http://127.0.0.1:${corePort}`;

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

async function main(): Promise<void> {
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
