import type { Db } from "./schema";

export type Metadata = Record<string, unknown>;

export function metadataQueries(db: Db) {
  const select = db
    .prepare<[string, string], string>(
      "SELECT metadata FROM user_metadata WHERE app_id = ? AND user_id = ?",
    )
    .pluck();
  const upsert = db.prepare(
    `INSERT INTO user_metadata (app_id, user_id, metadata) VALUES (?, ?, ?)
     ON CONFLICT (app_id, user_id) DO UPDATE SET metadata = excluded.metadata`,
  );
  const remove = db.prepare("DELETE FROM user_metadata WHERE app_id = ? AND user_id = ?");
  const get = (appId: string, userId: string): Metadata => {
    const json = select.get(appId, userId);
    return json === undefined ? {} : (JSON.parse(json) as Metadata);
  };

  return {
    get,
    /**
     * Shallow merge inside one transaction (read, merge, write), so concurrent updates of
     * different keys never overwrite each other. A top-level `null` deletes the key.
     */
    merge: db.transaction((appId: string, userId: string, update: Metadata) => {
      const merged = { ...get(appId, userId), ...update };
      for (const [key, value] of Object.entries(update)) if (value === null) delete merged[key];
      upsert.run(appId, userId, JSON.stringify(merged));
      return merged;
    }),
    remove: (appId: string, userId: string) => remove.run(appId, userId),
  };
}
