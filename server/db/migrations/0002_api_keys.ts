import type { Kysely } from "kysely";

/**
 * API keys. `prefix` (`nsk_` and the key's lookup id) is unique and indexed: a request's key is
 * found by it. `secret_hash` is the SHA-256 of the secret; the secret itself is never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("api_keys")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("user_id", "text", (column) => column.notNull())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("prefix", "text", (column) => column.notNull().unique())
    .addColumn("secret_hash", "text", (column) => column.notNull())
    // Space-separated, as in OAuth's `scope`: the same text column on both databases.
    .addColumn("scopes", "text", (column) => column.notNull())
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .addColumn("expires_at", "bigint")
    .addColumn("last_used_at", "bigint")
    .execute();
  await db.schema
    .createIndex("api_keys_by_user")
    .on("api_keys")
    .columns(["user_id", "created_at"])
    .execute();
}
