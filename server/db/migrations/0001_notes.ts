import { type Kysely, sql } from "kysely";

/**
 * The notes table and its index for "a user's notes, newest first". `ifNotExists`: a notes.sqlite
 * made by the version before migrations already has both, and keeps its notes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("notes")
    .ifNotExists()
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("user_id", "text", (column) => column.notNull())
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("body", "text", (column) => column.notNull())
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .addColumn("updated_at", "bigint", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("notes_by_user")
    .ifNotExists()
    .on("notes")
    .expression(sql`user_id, created_at DESC, id DESC`)
    .execute();
}
