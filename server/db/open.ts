/**
 * Opens the app's database from explicit settings: SQLite in `<dataDir>/notes.sqlite`, or PostgreSQL
 * through a pool when a URL is given. The app goes through ./database.ts; scripts and the test kit
 * call this with settings of their own.
 */
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Schema } from "./schema";

export type AppDatabase =
  | { dialect: "sqlite"; db: Kysely<Schema>; sqlite: BetterSqlite3.Database }
  | { dialect: "postgres"; db: Kysely<Schema>; pool: pg.Pool };

export type DatabaseSettings = { dataDir: string; databaseUrl?: string; poolSize?: number };

export function openDatabase(settings: DatabaseSettings): AppDatabase {
  if (settings.databaseUrl) {
    const pool = openPool(settings.databaseUrl, settings.poolSize ?? 10);
    return {
      dialect: "postgres",
      db: new Kysely({ dialect: new PostgresDialect({ pool }) }),
      pool,
    };
  }
  mkdirSync(settings.dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(path.join(settings.dataDir, "notes.sqlite"));
  // WAL: readers do not wait for the writer; NORMAL sync is durable across app crashes.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  return {
    dialect: "sqlite",
    db: new Kysely({ dialect: new SqliteDialect({ database: sqlite }) }),
    sqlite,
  };
}

function openPool(connectionString: string, max: number): pg.Pool {
  // BIGINT (our millisecond timestamps) arrives as a string by default: these fit in a number.
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);
  const pool = new pg.Pool({
    connectionString,
    max,
    types,
    // No request waits forever for a database that does not answer: it gets a 503 (./query.ts).
    connectionTimeoutMillis: 3_000,
    query_timeout: 10_000,
    keepAlive: true,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process: the
  // pool discards it and opens a new one on the next query.
  pool.on("error", (error) => console.warn(`database: idle connection lost (${error.message})`));
  return pool;
}
