import {
  RateLimiterPostgres,
  RateLimiterSQLite,
  type RateLimiterStoreAbstract,
} from "rate-limiter-flexible";
import { database } from "@/server/db/database";

/** A named count of `points` per window of `seconds`, for one key at a time. */
export type Quota = { name: string; points: number; seconds: number };

const tableName = "rate_limits";

/**
 * The counter for `quota`, kept in the app's own database so that it survives a restart and every
 * instance sees the same count. rate-limiter-flexible increments with one atomic upsert, so
 * concurrent requests are all counted. Built on first use: importing a route opens nothing.
 */
export function counter(quota: Quota): () => RateLimiterStoreAbstract {
  let limiter: RateLimiterStoreAbstract | undefined;
  return () => (limiter ??= open(quota));
}

function open({ name, points, seconds }: Quota): RateLimiterStoreAbstract {
  const options = {
    keyPrefix: name, // every quota shares one table; the prefix keeps their keys apart
    points,
    duration: seconds,
    tableName,
    tableCreated: true, // by migration 0003_rate_limits
    clearExpiredByTimeout: true,
  };
  const app = database();
  return app.dialect === "postgres"
    ? new RateLimiterPostgres({ ...options, storeClient: app.pool, storeType: "pool" })
    : new RateLimiterSQLite({ ...options, storeClient: app.sqlite, storeType: "better-sqlite3" });
}
