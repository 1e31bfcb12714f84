import type { Migration } from "kysely";
import * as notes from "./0001_notes";
import * as apiKeys from "./0002_api_keys";
import * as rateLimits from "./0003_rate_limits";

/**
 * Every migration, in order. Listed here rather than read from the folder, so that bundlers (next
 * build) and scripts see the same list. Add yours at the end; never edit one that has shipped.
 */
export const migrations: Record<string, Migration> = {
  "0001_notes": notes,
  "0002_api_keys": apiKeys,
  "0003_rate_limits": rateLimits,
};
