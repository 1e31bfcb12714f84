/**
 * Breaks and repairs the rate limiter's table in a running app's database, from outside the app:
 * the counters' store failing while everything else works.
 */
import Database from "better-sqlite3";
import path from "node:path";

const table = "rate_limits";

export async function breakCounters(dataDir: string): Promise<void> {
  const db = new Database(path.join(dataDir, "notes.sqlite"));
  try {
    db.exec(`DROP TABLE ${table}`);
  } finally {
    db.close();
  }
}

/** The table as the app creates it (server/rate-limit/store.ts), empty. */
export async function repairCounters(dataDir: string): Promise<void> {
  const db = new Database(path.join(dataDir, "notes.sqlite"));
  try {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER)`,
    );
  } finally {
    db.close();
  }
}
