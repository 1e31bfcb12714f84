import type { Db } from "./schema";

export type SigningKeyRow = { kid: string; private_key_pem: string; created_at: number };

export function signingKeyQueries(db: Db) {
  const all = db.prepare<[string], SigningKeyRow>(
    "SELECT kid, private_key_pem, created_at FROM signing_keys WHERE app_id = ? ORDER BY created_at",
  );
  const insert = db.prepare(
    "INSERT INTO signing_keys (app_id, kid, private_key_pem, created_at) VALUES (?, ?, ?, ?)",
  );
  const remove = db.prepare("DELETE FROM signing_keys WHERE app_id = ? AND kid = ?");
  return {
    all: (appId: string) => all.all(appId),
    insert: (appId: string, row: SigningKeyRow) =>
      insert.run(appId, row.kid, row.private_key_pem, row.created_at),
    remove: (appId: string, kid: string) => remove.run(appId, kid),
  };
}
