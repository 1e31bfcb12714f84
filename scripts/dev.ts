import { spawn, type ChildProcess } from "node:child_process";
import { LOCAL_CORE_HEADER } from "../core/http";

/**
 * `npm run dev`: `next dev`, plus the local core when no SUPERTOKENS_CONNECTION_URI is set.
 * Extra arguments go to `next dev` (`npm run dev -- --port 4000`).
 */
const nextBin = require.resolve("next/dist/bin/next");
const corePort = Number(process.env.CORE_PORT ?? 3567);
const coreUrl = `http://127.0.0.1:${corePort}`;

type CoreState = "ours" | "foreign" | "down";

async function probe(): Promise<CoreState> {
  try {
    const res = await fetch(`${coreUrl}/hello`, { signal: AbortSignal.timeout(1000) });
    return res.headers.get(LOCAL_CORE_HEADER) ? "ours" : "foreign";
  } catch {
    return "down";
  }
}

async function startLocalCore(): Promise<ChildProcess | undefined> {
  const state = await probe();
  if (state === "ours") {
    console.log(`Reusing the local core already running on ${coreUrl}`);
    return undefined;
  }
  if (state === "foreign") {
    throw new Error(
      `Something else answers on ${coreUrl}. Set CORE_PORT to a free port, or point SUPERTOKENS_CONNECTION_URI at that core.`,
    );
  }
  const core = spawn(process.execPath, ["--import", "tsx", "core/main.ts"], { stdio: "inherit" });
  const deadline = Date.now() + 20_000;
  while ((await probe()) !== "ours") {
    if (core.exitCode !== null) throw new Error("The local core exited during start-up");
    if (Date.now() > deadline) throw new Error(`The local core did not answer on ${coreUrl}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return core;
}

async function main(): Promise<void> {
  const env = { ...process.env };
  let core: ChildProcess | undefined;
  if (!env.SUPERTOKENS_CONNECTION_URI) {
    core = await startLocalCore();
    env.SUPERTOKENS_CONNECTION_URI = coreUrl;
  }
  const next = spawn(process.execPath, [nextBin, "dev", ...process.argv.slice(2)], {
    stdio: "inherit",
    env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => next.kill(signal));
  }
  next.on("exit", (code, signal) => {
    const exitCode = code ?? (signal ? 1 : 0);
    if (!core || core.exitCode !== null) process.exit(exitCode);
    core.once("exit", () => process.exit(exitCode));
    core.kill("SIGTERM");
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
