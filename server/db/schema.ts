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

/** API keys: the secret's hash, never the secret (server/api-keys/secret.ts). */
export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  /** `nsk_` and the key's lookup id: unique, the index a presented key is found by. */
  prefix: string;
  /** SHA-256 of the secret, hex. */
  secret_hash: string;
  /** Space-separated scopes, e.g. `notes:read notes:write`. */
  scopes: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
}

export interface Schema {
  notes: NotesTable;
  api_keys: ApiKeysTable;
}
