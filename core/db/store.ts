import { appQueries } from "./apps";
import { metadataQueries } from "./metadata";
import { roleQueries } from "./roles";
import type { Db } from "./schema";
import { sessionQueries } from "./sessions";
import { signingKeyQueries } from "./signingKeys";
import { userQueries } from "./users";

/** Every prepared statement of the core, compiled once at start. */
export function createStore(db: Db) {
  return {
    apps: appQueries(db),
    users: userQueries(db),
    sessions: sessionQueries(db),
    roles: roleQueries(db),
    metadata: metadataQueries(db),
    signingKeys: signingKeyQueries(db),
  };
}

export type Store = ReturnType<typeof createStore>;
