/**
 * Kysely's migrator over the static list in ./migrations. Used by `npm run db:migrate`,
 * `npm run dev`, the test stack, and the production start check (instrumentation.ts).
 */
import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import { migrations } from "./migrations";
import type { Schema } from "./schema";

const migrator = (db: Kysely<Schema>) =>
  new Migrator({ db, provider: { getMigrations: async () => migrations } });

/** Applies every migration not applied yet (Kysely takes a lock: concurrent runs are safe). */
export async function migrateToLatest(db: Kysely<Schema>): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return (result.results ?? []).map((migration) => migration.migrationName);
}

/** Names of the migrations this database lacks. */
export async function pendingMigrations(db: Kysely<Schema>): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((migration) => migration.executedAt === undefined).map(({ name }) => name);
}
