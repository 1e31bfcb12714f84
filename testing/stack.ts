/**
 * Starts the whole stack for tests and benchmarks: the local core and `next start` (from an existing
 * build), each on a free 127.0.0.1 port with its own temporary data, and stops both.
 *
 * As a library: `startStack()`. As a CLI (Playwright's webServer uses it):
 *   APP_PORT=3910 STACK_CORE_CONFIG='{"access_token_validity":5}' tsx testing/stack.ts
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { coreConfigSchema, type CoreConfigInput } from "../core/config";
import { spawnNode, startCoreProcess, waitUntil, type Child } from "../core/process";

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
  /** Pass the servers' output through instead of keeping it for error reports. */
  inheritOutput?: boolean;
};

export type Stack = {
  appUrl: string;
  coreUrl: string;
  dataDir: string;
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
  SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR: "100000",
  SIGN_UPS_PER_ADDRESS_PER_HOUR: "100000",
  PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: "100000",
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

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

  const stop = async () => {
    await Promise.all(children.reverse().map((child) => child.stop()));
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const core = await startCoreProcess({
      port: await freePort(),
      dataDir: path.join(dataDir, "core"),
      config: options.coreConfig,
      testRoutes: true,
      inheritOutput: options.inheritOutput,
    });
    children.push(core);

    const nextBin = require.resolve("next/dist/bin/next");
    const app = spawnNode("app", [nextBin, "start", "-p", String(appPort), "-H", "127.0.0.1"], {
      inheritOutput: options.inheritOutput,
      env: {
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        SUPERTOKENS_CONNECTION_URI: core.url,
        API_DOMAIN: appUrl,
        WEBSITE_DOMAIN: appUrl,
        DATA_DIR: dataDir,
        ...roomyLimits,
        ...options.env,
      },
    });
    children.push(app);
    // 127.0.0.1 rather than localhost: Node may resolve localhost to ::1, where nothing listens.
    const health = `http://127.0.0.1:${appPort}/api/health`;
    await waitUntil(() => answers(health), app, health);
    return { appUrl, coreUrl: core.url, dataDir, appPid: app.pid, stop };
  } catch (error) {
    await stop();
    throw error;
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
