import type { Kysely } from "kysely";
import { unavailable } from "../http-error";
import { database } from "./database";
import type { Schema } from "./schema";
import { isUnavailable } from "./unavailable";

/**
 * Runs `work` on the app's database. A database that cannot be reached (down, restarting, out of
 * connections) becomes a 503 `database_unavailable` with Retry-After, not a 500: the request was
 * fine, and the same request will work once the database is back.
 */
export async function query<T>(work: (db: Kysely<Schema>) => Promise<T>): Promise<T> {
  try {
    return await work(database().db);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    console.warn(`database unavailable: ${error instanceof Error ? error.message : error}`);
    throw unavailable("database_unavailable", "The database is unavailable; try again shortly");
  }
}
