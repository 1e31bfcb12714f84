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
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { coreConfigSchema, type CoreConfigInput } from "../core/config";
import { spawnNode, startCoreProcess, waitUntil, type Child } from "../core/process";
import { openDatabase } from "../server/db/open";
import { migrateToLatest } from "../server/db/migrate";
import { freePort } from "./free-port";
import { createTestDatabase, type TestDatabase } from "./postgres";

export { freePort };

export type StackOptions = {
  /** Extra environment for the app (e.g. ALLOWED_ORIGINS). */
  env?: Record<string, string>;
  /** Base config for every app of the core, e.g. `{ access_token_validity: 2 }`. */
  coreConfig?: CoreConfigInput;
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

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const distDir = options.distDir ?? process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(`No Next.js build in ${distDir}/: run \`npm run build\` first.`);
  }
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "stack-")));
  await mkdir(dataDir, { recursive: true });
  const appPort = options.appPort ?? (await freePort());
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

    let coreUrl = options.coreUrl;
    if (!coreUrl) {
      const core = await startCoreProcess({
        port: await freePort(),
        dataDir: path.join(dataDir, "core"),
        config: options.coreConfig ?? {},
        testRoutes: true,
        inheritOutput: options.inheritOutput,
      });
      children.push(core);
      coreUrl = core.url;
    }

    const nextBin = require.resolve("next/dist/bin/next");
    const app = spawnNode("app", [nextBin, "start", "-p", String(appPort), "-H", "127.0.0.1"], {
      inheritOutput: options.inheritOutput,
      env: {
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
    });
    children.push(app);
    // 127.0.0.1 rather than localhost: Node may resolve localhost to ::1, where nothing listens.
    const health = `http://127.0.0.1:${appPort}/api/health`;
    await waitUntil(() => answers(health), app, health);
    return { appUrl, coreUrl, dataDir, databaseUrl, appPid: app.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
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

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

const cliEnv = z.object({
  APP_PORT: z.coerce.number().int().min(1).max(65535).default(3910),
  STACK_CORE_CONFIG: z
    .string()
    .default("{}")
    .transform((text) => coreConfigSchema.parse(JSON.parse(text))),
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
