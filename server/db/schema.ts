/**
 * The app's tables as Kysely sees them: one interface per table, column names as in SQL. Both
 * databases store the same shapes (migrations in ./migrations create them).
 */

export interface NotesTable {
  id: string;
  user_id: string;
  title: string;
  body: string;
  /** Milliseconds since 1970: an INTEGER in SQLite, a BIGINT in PostgreSQL (read back as a number). */
  created_at: number;
  updated_at: number;
}

export interface Schema {
  notes: NotesTable;
}
