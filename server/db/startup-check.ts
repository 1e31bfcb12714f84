import { describeDatabase, database } from "./database";
import { pendingMigrations } from "./migrate";
import { isUnavailable } from "./unavailable";

/**
 * Run once when `next start` boots (instrumentation.ts): a database that lacks a migration would
 * fail some requests in ways no one can act on, so the server refuses to start and says what to
 * run. A database that does not answer yet is not a reason to stay down: requests get 503 until
 * it answers.
 */
export async function refuseUnmigratedDatabase(): Promise<void> {
  let pending: string[];
  try {
    pending = await pendingMigrations(database().db);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    console.warn(`${describeDatabase()} does not answer yet: requests get 503 until it does.`);
    return;
  }
  if (pending.length === 0) return;
  console.error(
    `${describeDatabase()} lacks migrations: ${pending.join(", ")}.\n` +
      "Run `npm run db:migrate` with the same DATABASE_URL (or DATA_DIR), then start again.",
  );
  process.exit(1);
}
