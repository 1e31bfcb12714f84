/**
 * Starts the whole stack for tests and benchmarks: the local core and `next start` (from an existing
 * build), each on a free 127.0.0.1 port with its own temporary data, and stops both.
 *
 * The app's database is SQLite in the data directory, or, when TEST_DATABASE_URL names a PostgreSQL
 * server (`npm run test:api:pg` starts one: testing/postgres.ts), a fresh database on it. Either
 * way the migrations are applied first, as `npm run db:migrate` would.
 *
 * As a library: `startStack()`. As a CLI (Playwright's webServer uses it):
 *   APP_PORT=3910 STACK_CORE_CONFIG='{"access_token_validity":5}' tsx testing/stack.ts
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { openDatabase } from "../server/db/open";
import { migrateToLatest } from "../server/db/migrate";
import { freePort } from "./free-port";
import { createTestDatabase, type TestDatabase } from "./postgres";

export { freePort };

export type StackOptions = {
  /** Extra environment for the app (e.g. ALLOWED_ORIGINS). */
  env?: Record<string, string>;
  /** Base config for every app of the core, e.g. `{ access_token_validity: 2 }`. */
  coreConfig?: Record<string, unknown>;
  /** Build directory to serve; defaults to NEXT_DIST_DIR or `.next`. */
  distDir?: string;
  appPort?: number;
  /** Data directory (notes DB, outbox, core data); a fresh temporary one by default. */
  dataDir?: string;
  /**
   * PostgreSQL database URL for the app. Default when TEST_DATABASE_URL is set: a fresh database,
   * or with `dataDir`, the database that goes with that folder (a restarted app keeps its rows).
   */
  databaseUrl?: string;
  /** A core that runs already (another stack's): this stack then starts the app only. */
  coreUrl?: string;
  /** Apply the migrations before starting the app (default true). */
  migrate?: boolean;
  /** Pass the servers' output through instead of keeping it for error reports. */
  inheritOutput?: boolean;
};

export type Stack = {
  appUrl: string;
  coreUrl: string;
  dataDir: string;
  /** The app's PostgreSQL database, when it uses one (else SQLite in dataDir). */
  databaseUrl?: string;
  appPid: number;
  stop(): Promise<void>;
};

const root = path.resolve(__dirname, "..");

/**
 * The app's abuse limits are meant for the internet, not for suites that sign up hundreds of users
 * from 127.0.0.1; the suites that test the limits lower them again through `env`.
 */
const roomyLimits = {
  RATE_LIMIT_WRITES_PER_MINUTE: "100000",
  RATE_LIMIT_API_KEY_PER_MINUTE: "100000",
  SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR: "100000",
  SIGN_UPS_PER_ADDRESS_PER_HOUR: "100000",
  PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: "100000",
};
const startTimeoutMs = 60_000;

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const distDir = options.distDir ?? process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(`No Next.js build in ${distDir}/: run \`npm run build\` first.`);
  }
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "stack-")));
  await mkdir(dataDir, { recursive: true });
  const [corePort, appPort] = [await freePort(), options.appPort ?? (await freePort())];
  const coreUrl = options.coreUrl ?? `http://127.0.0.1:${corePort}`;
  const appUrl = `http://localhost:${appPort}`;
  const children: Child[] = [];
  let testDatabase: TestDatabase | undefined;

  const stop = async () => {
    await Promise.all(children.reverse().map((child) => child.stop()));
    if (ownDataDir) await testDatabase?.drop(); // else it is the caller's, as the folder is
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  let databaseUrl = options.databaseUrl;
  try {
    if (!databaseUrl && process.env.TEST_DATABASE_URL) {
      testDatabase = await createTestDatabase(options.dataDir);
      databaseUrl = testDatabase.url;
    }
    if (options.migrate !== false) await migrate(dataDir, databaseUrl);

    if (!options.coreUrl) {
      const core = startChild("core", ["--import", "tsx", "core/main.ts"], options, {
        CORE_HOST: "127.0.0.1",
        CORE_PORT: String(corePort),
        CORE_DATA_DIR: path.join(dataDir, "core"),
        CORE_CONFIG: JSON.stringify(options.coreConfig ?? {}),
      });
      children.push(core);
      await waitUntilAnswering(`${coreUrl}/hello`, core);
    }

    const nextBin = require.resolve("next/dist/bin/next");
    const app = startChild(
      "app",
      [nextBin, "start", "-p", String(appPort), "-H", "127.0.0.1"],
      options,
      {
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        SUPERTOKENS_CONNECTION_URI: coreUrl,
        API_DOMAIN: appUrl,
        WEBSITE_DOMAIN: appUrl,
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl ?? "",
        ...roomyLimits,
        ...options.env,
      },
    );
    children.push(app);
    // 127.0.0.1 rather than localhost: Node may resolve localhost to ::1, where nothing listens.
    await waitUntilAnswering(`http://127.0.0.1:${appPort}/api/health`, app);
  } catch (error) {
    await stop();
    throw error;
  }

  return { appUrl, coreUrl, dataDir, databaseUrl, appPid: children.at(-1)!.pid, stop };
}

/** `npm run db:migrate` for the stack's database. */
export async function migrate(dataDir: string, databaseUrl?: string): Promise<void> {
  const app = openDatabase({ dataDir, databaseUrl });
  try {
    await migrateToLatest(app.db);
  } finally {
    await app.db.destroy();
  }
}

type Child = {
  name: string;
  pid: number;
  output: () => string;
  exited: () => boolean;
  stop(): Promise<void>;
};

function startChild(
  name: string,
  args: string[],
  options: StackOptions,
  env: Record<string, string>,
): Child {
  const io = options.inheritOutput ? "inherit" : "pipe";
  const proc: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    // The IPC channel lets the core notice when this process dies and stop with it.
    stdio: [io, io, io, ...(name === "core" ? ["ipc" as const] : [])],
  });
  // Kept so that a failed start can say why; capped so a long-running stack does not grow.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  let hasExited = false;
  const exit = new Promise<void>((resolve) =>
    proc.once("exit", () => {
      hasExited = true;
      resolve();
    }),
  );
  return {
    name,
    pid: proc.pid ?? -1,
    output: () => output,
    exited: () => hasExited,
    async stop() {
      if (hasExited) return;
      proc.kill("SIGTERM");
      const killer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

async function waitUntilAnswering(url: string, child: Child): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exited()) {
      throw new Error(`${child.name} exited during start:\n${child.output()}`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(
    `${child.name} did not answer ${url} within ${startTimeoutMs} ms:\n${child.output()}`,
  );
}

const cliEnv = z.object({
  APP_PORT: z.coerce.number().int().min(1).max(65535).default(3910),
  STACK_CORE_CONFIG: z
    .string()
    .default("{}")
    .transform((text) => z.record(z.string(), z.unknown()).parse(JSON.parse(text))),
  STACK_DATA_DIR: z.string().optional(),
});

async function main() {
  const env = cliEnv.parse(process.env);
  const stack = await startStack({
    appPort: env.APP_PORT,
    coreConfig: env.STACK_CORE_CONFIG,
    dataDir: env.STACK_DATA_DIR,
    inheritOutput: true,
  });
  console.log(`stack ready: app ${stack.appUrl}, core ${stack.coreUrl}, data ${stack.dataDir}`);
  const shutdown = () => void stack.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
