/**
 * Breaks and repairs the rate limiter's table in a running app's database (SQLite or PostgreSQL),
 * from outside the app: the counters' store failing while everything else works.
 */
import type { Kysely } from "kysely";
import { up as createCounters } from "../server/db/migrations/0003_rate_limits";
import { openDatabase, type AppDatabase } from "../server/db/open";

type Where = { dataDir: string; databaseUrl?: string };

async function withDatabase(where: Where, work: (app: AppDatabase) => Promise<unknown>) {
  const app = openDatabase(where);
  try {
    await work(app);
  } finally {
    await app.db.destroy();
  }
}

export const breakCounters = (where: Where) =>
  withDatabase(where, (app) => app.db.schema.dropTable("rate_limits").execute());

/** The table as migration 0003 creates it, empty. */
export const repairCounters = (where: Where) =>
  // As Kysely's migrator does, the migration gets the database without the app's table types.
  withDatabase(where, (app) => createCounters(app.db as unknown as Kysely<unknown>));
