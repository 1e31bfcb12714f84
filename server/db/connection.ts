import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { env } from "@/config/env";

let db: Database.Database | undefined;

/** The app's own SQLite database, `<DATA_DIR>/notes.sqlite`, opened (and migrated) on first use. */
export function database(): Database.Database {
  if (db) return db;
  mkdirSync(env.dataDir, { recursive: true });
  db = new Database(path.join(env.dataDir, "notes.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(`
    CREATE TABLE IF NOT EXISTS notes (
      id         TEXT PRIMARY KEY,
      user_id    TEXT NOT NULL,
      title      TEXT NOT NULL,
      body       TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS notes_by_user ON notes (user_id, created_at DESC, id DESC);
  `);
  return db;
}
