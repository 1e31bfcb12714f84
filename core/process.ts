/**
 * The local core in a child process, for whoever runs it next to something else: `npm run dev`,
 * the test stack (testing/stack.ts) and the core bench. Starts `core/main.ts` and resolves once
 * this core, not some other server, answers on the address.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { CoreConfigInput } from "./config";
import { DEFAULT_CORE_HOST } from "./defaults";
import { LOCAL_CORE_HEADER } from "./http";

export type CoreProcessOptions = {
  port: number;
  host?: string;
  /** On-disk data; ignored with `inMemory`. */
  dataDir?: string;
  inMemory?: boolean;
  /** Base config of every app (real-core key names, e.g. `access_token_validity`). */
  config?: CoreConfigInput;
  apiKey?: string;
  /** Serve the test-only routes of core/recipes/testing.ts. */
  testRoutes?: boolean;
  /** Show the core's output (npm run dev) instead of keeping it for error reports. */
  inheritOutput?: boolean;
};

/** A child process and what a caller needs to wait for it, report on it and stop it. */
export type Child = {
  name: string;
  pid: number;
  output(): string;
  exited(): boolean;
  /** Resolves with the exit code (null after a signal) once the process has exited. */
  exit: Promise<number | null>;
  stop(): Promise<void>;
};

export type CoreProcess = Child & { url: string };

const root = path.resolve(__dirname, "..");

/** Whether `url` is this core ("ours"), another server ("foreign") or nothing ("down"). */
export async function probeCore(url: string): Promise<"ours" | "foreign" | "down"> {
  try {
    const res = await fetch(`${url}/hello`, { signal: AbortSignal.timeout(1_000) });
    return res.headers.get(LOCAL_CORE_HEADER) ? "ours" : "foreign";
  } catch {
    return "down";
  }
}

export async function startCoreProcess(options: CoreProcessOptions): Promise<CoreProcess> {
  const host = options.host ?? DEFAULT_CORE_HOST;
  const url = `http://${host}:${options.port}`;
  if ((await probeCore(url)) !== "down") throw new Error(`Something already answers on ${url}`);
  const child = spawnNode("core", ["--import", "tsx", "core/main.ts"], {
    inheritOutput: options.inheritOutput,
    // The IPC channel lets the core notice when this process dies and stop with it.
    ipc: true,
    // What the options leave out comes from this process's environment, as for `npm run core`.
    env: defined({
      CORE_HOST: host,
      CORE_PORT: String(options.port),
      CORE_IN_MEMORY: options.inMemory === undefined ? undefined : String(options.inMemory),
      CORE_DATA_DIR: options.dataDir,
      CORE_CONFIG: options.config && JSON.stringify(options.config),
      SUPERTOKENS_API_KEY: options.apiKey,
      CORE_TEST_ROUTES: options.testRoutes === undefined ? undefined : String(options.testRoutes),
    }),
  });
  try {
    await waitUntil(async () => (await probeCore(url)) === "ours", child, `${url}/hello`);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { ...child, url };
}

const defined = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

/** Runs `node <args>` from the project root. */
export function spawnNode(
  name: string,
  args: string[],
  options: { env?: Record<string, string>; inheritOutput?: boolean; ipc?: boolean },
): Child {
  const io = options.inheritOutput ? "inherit" : "pipe";
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: [io, io, io, ...(options.ipc ? ["ipc" as const] : [])],
  });
  // Kept so that a failed start can say why; capped so a long-running process does not grow it.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  let hasExited = false;
  const exit = new Promise<number | null>((resolve) =>
    proc.once("exit", (code) => {
      hasExited = true;
      resolve(code);
    }),
  );
  return {
    name,
    pid: proc.pid ?? -1,
    output: () => output,
    exited: () => hasExited,
    exit,
    async stop() {
      if (hasExited) return;
      proc.kill("SIGTERM");
      const killer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

/** Polls `ready` until it holds; fails at once if the child exits, or after `timeoutMs`. */
export async function waitUntil(
  ready: () => Promise<boolean>,
  child: Child,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exited()) throw new Error(`${child.name} exited during start:\n${child.output()}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${child.name} did not answer ${what} within ${timeoutMs} ms:\n${child.output()}`,
  );
}
