import { sql } from "kysely";
import { query } from "./query";

/** Whether the app's database answers a trivial query (the pool gives up after its timeout). */
export async function databaseIsUp(): Promise<boolean> {
  try {
    await query((db) => sql`select 1`.execute(db));
    return true;
  } catch {
    return false;
  }
}
