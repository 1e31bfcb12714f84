import { SqliteError } from "better-sqlite3";

/**
 * Runs a write that a UNIQUE constraint may refuse: `"duplicate"` when it did, so the caller can
 * answer with its own status. Any other failure (a read-only or locked database, a primary key
 * clash, which is a bug) is a fault, not an answer: it is thrown.
 */
export function unlessDuplicate(write: () => unknown): "ok" | "duplicate" {
  try {
    write();
    return "ok";
  } catch (error) {
    if (error instanceof SqliteError && error.code === "SQLITE_CONSTRAINT_UNIQUE") {
      return "duplicate";
    }
    throw error;
  }
}
