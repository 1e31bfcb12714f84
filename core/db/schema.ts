import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";

export type Db = Database.Database;

// Every table carries app_id: isolated apps (`/appid-<id>`) share one file but never each other's rows.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS apps (
  app_id TEXT PRIMARY KEY,
  core_config TEXT NOT NULL,
  refresh_token_key BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tenants (
  app_id TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  config TEXT NOT NULL,
  PRIMARY KEY (app_id, tenant_id)
);
CREATE TABLE IF NOT EXISTS ep_users (
  app_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  time_joined INTEGER NOT NULL,
  PRIMARY KEY (app_id, user_id)
);
CREATE TABLE IF NOT EXISTS user_tenants (
  app_id TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  email TEXT NOT NULL,
  PRIMARY KEY (app_id, tenant_id, user_id),
  UNIQUE (app_id, tenant_id, email)
);
CREATE INDEX IF NOT EXISTS user_tenants_user ON user_tenants (app_id, user_id);
CREATE TABLE IF NOT EXISTS password_reset_tokens (
  app_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  user_id TEXT NOT NULL,
  email TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (app_id, token_hash)
);
CREATE TABLE IF NOT EXISTS sessions (
  app_id TEXT NOT NULL,
  session_handle TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  recipe_user_id TEXT NOT NULL,
  refresh_token_hash_2 TEXT NOT NULL,
  session_data TEXT NOT NULL,
  jwt_user_payload TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  use_static_key INTEGER NOT NULL,
  PRIMARY KEY (app_id, session_handle)
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (app_id, user_id);
CREATE TABLE IF NOT EXISTS roles (
  app_id TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (app_id, role)
);
CREATE TABLE IF NOT EXISTS role_permissions (
  app_id TEXT NOT NULL,
  role TEXT NOT NULL,
  permission TEXT NOT NULL,
  PRIMARY KEY (app_id, role, permission)
);
CREATE INDEX IF NOT EXISTS role_permissions_permission ON role_permissions (app_id, permission);
CREATE TABLE IF NOT EXISTS user_roles (
  app_id TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (app_id, tenant_id, user_id, role)
);
CREATE INDEX IF NOT EXISTS user_roles_role ON user_roles (app_id, role);
CREATE TABLE IF NOT EXISTS user_metadata (
  app_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  metadata TEXT NOT NULL,
  PRIMARY KEY (app_id, user_id)
);
CREATE TABLE IF NOT EXISTS signing_keys (
  app_id TEXT NOT NULL,
  kid TEXT NOT NULL,
  private_key_pem TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (app_id, kid)
);
`;

/** Tables holding an app's data, emptied when the app is removed. */
export const APP_TABLES = [
  "tenants",
  "ep_users",
  "user_tenants",
  "password_reset_tokens",
  "sessions",
  "roles",
  "role_permissions",
  "user_roles",
  "user_metadata",
  "signing_keys",
  "apps",
] as const;

export function openDatabase(options: { dataDir: string } | { inMemory: true }): Db {
  let db: Db;
  if ("inMemory" in options) {
    db = new Database(":memory:");
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    db = new Database(path.join(options.dataDir, "core.sqlite"));
    // WAL lets readers run beside the writer; NORMAL stays durable across app crashes (only an
    // OS crash can lose the last commits), at a fraction of FULL's fsync cost.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("busy_timeout = 5000");
  db.exec(SCHEMA);
  return db;
}
