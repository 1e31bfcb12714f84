/**
 * The app's own database: SQLite in `<DATA_DIR>/notes.sqlite` by default, PostgreSQL when
 * `DATABASE_URL` is set. Both behind one Kysely instance, so queries do not know which is in use.
 */
import path from "node:path";
import { env } from "@/config/env";
import { type AppDatabase, openDatabase } from "./open";

export type { AppDatabase };

let opened: AppDatabase | undefined;

/** This process's database, opened on first use (opening does not connect to PostgreSQL yet). */
export function database(): AppDatabase {
  opened ??= openDatabase({
    dataDir: env.dataDir,
    databaseUrl: env.databaseUrl,
    poolSize: env.databasePoolSize,
  });
  return opened;
}

/** Which database this process uses, for messages (a PostgreSQL URL loses its password). */
export function describeDatabase(): string {
  if (!env.databaseUrl) return `SQLite ${path.join(env.dataDir, "notes.sqlite")}`;
  const url = new URL(env.databaseUrl);
  return `PostgreSQL ${url.host}${url.pathname}`;
}
