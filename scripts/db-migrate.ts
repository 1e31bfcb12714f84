/**
 * `npm run db:migrate`: applies the migrations this database lacks (server/db/migrations), on
 * PostgreSQL when DATABASE_URL is set, else on SQLite in DATA_DIR. Safe to run again, and from
 * several machines at once (Kysely takes a lock). Run it before starting a new version.
 *
 * `npm run db:migrate -- --check` changes nothing: exits 1 and lists what is missing, if anything.
 */
import { loadEnvConfig } from "@next/env";

// The same .env files `next start` (or `next dev`) reads, before config/env.ts parses them.
loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");

async function main(): Promise<number> {
  const { database, describeDatabase } = await import("@/server/db/database");
  const { migrateToLatest, pendingMigrations } = await import("@/server/db/migrate");
  const { db } = database();
  try {
    if (process.argv.includes("--check")) {
      const pending = await pendingMigrations(db);
      if (pending.length === 0) {
        console.log(`${describeDatabase()}: up to date`);
        return 0;
      }
      console.log(`${describeDatabase()} lacks: ${pending.join(", ")}. Run: npm run db:migrate`);
      return 1;
    }
    const applied = await migrateToLatest(db);
    const what = applied.length ? `applied ${applied.join(", ")}` : "already up to date";
    console.log(`${describeDatabase()}: ${what}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
