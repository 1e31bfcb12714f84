import type { Kysely } from "kysely";

/**
 * The counters of rate-limiter-flexible (server/rate-limit/store.ts), in the columns its SQLite
 * and PostgreSQL stores expect. `ifNotExists`: the version before migrations created it on first use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("rate_limits")
    .ifNotExists()
    .addColumn("key", "varchar(255)", (column) => column.primaryKey())
    .addColumn("points", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("expire", "bigint")
    .execute();
}
