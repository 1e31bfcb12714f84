/**
 * The processes around a benchmark: commands run to completion (the build, the core's own bench)
 * and the bare-server ceiling.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { freePort } from "../testing/stack";

const root = path.resolve(__dirname, "..");

export type CommandResult = { exitCode: number; output: string; seconds: number };

/** Runs a command from the project root, echoing and keeping its output; bounded in time. */
export function runCommand(
  command: string,
  args: string[],
  env: Record<string, string>,
  limitSeconds: number,
): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: limitSeconds * 1000,
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += stripVTControlCharacters(chunk.toString());
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", reject);
    child.once("close", (code) =>
      resolve({ exitCode: code ?? 1, output, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/** Starts bench/ceiling.ts in its own process, as `next start` runs in its own. */
export async function startCeiling(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/ceiling.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await Promise.race([
    new Promise((resolve) => child.stdout.once("data", resolve)),
    exited.then(() => Promise.reject(new Error("the ceiling server exited during start"))),
  ]);
  return {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
