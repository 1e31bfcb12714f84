import type { Db } from "./schema";

export type SessionRow = {
  session_handle: string;
  tenant_id: string;
  user_id: string;
  recipe_user_id: string;
  refresh_token_hash_2: string;
  session_data: string;
  jwt_user_payload: string;
  expires_at: number;
  created_at: number;
  use_static_key: number;
};

export function sessionQueries(db: Db) {
  const insert = db.prepare(
    `INSERT INTO sessions (app_id, session_handle, tenant_id, user_id, recipe_user_id,
       refresh_token_hash_2, session_data, jwt_user_payload, expires_at, created_at, use_static_key)
     VALUES (@appId, @session_handle, @tenant_id, @user_id, @recipe_user_id, @refresh_token_hash_2,
       @session_data, @jwt_user_payload, @expires_at, @created_at, @use_static_key)`,
  );
  const byHandle = db.prepare<[string, string], SessionRow>(
    "SELECT * FROM sessions WHERE app_id = ? AND session_handle = ?",
  );
  const promote = db.prepare(
    `UPDATE sessions SET refresh_token_hash_2 = ?, expires_at = ?
     WHERE app_id = ? AND session_handle = ? AND refresh_token_hash_2 = ?`,
  );
  const setKeyType = db.prepare(
    "UPDATE sessions SET use_static_key = ? WHERE app_id = ? AND session_handle = ?",
  );
  const setJwtPayload = db.prepare(
    "UPDATE sessions SET jwt_user_payload = ? WHERE app_id = ? AND session_handle = ?",
  );
  const setSessionData = db.prepare(
    "UPDATE sessions SET session_data = ? WHERE app_id = ? AND session_handle = ?",
  );
  const remove = db.prepare("DELETE FROM sessions WHERE app_id = ? AND session_handle = ?");
  const handlesOfUser = db
    .prepare<[string, string, number], string>(
      "SELECT session_handle FROM sessions WHERE app_id = ? AND user_id = ? AND expires_at > ?",
    )
    .pluck();
  const handlesOfUserInTenant = db
    .prepare<[string, string, string, number], string>(
      `SELECT session_handle FROM sessions
       WHERE app_id = ? AND user_id = ? AND tenant_id = ? AND expires_at > ?`,
    )
    .pluck();
  const removeExpired = db.prepare("DELETE FROM sessions WHERE expires_at <= ?");

  return {
    insert: (appId: string, row: SessionRow) => insert.run({ appId, ...row }),
    /** The session if it exists and has not expired. */
    findLive(appId: string, handle: string, now: number): SessionRow | undefined {
      const row = byHandle.get(appId, handle);
      return row && row.expires_at > now ? row : undefined;
    },
    /** Compare-and-set, so two concurrent promotions of one token cannot both win. */
    promote: (appId: string, handle: string, from: string, to: string, expiresAt: number) =>
      promote.run(to, expiresAt, appId, handle, from).changes > 0,
    setKeyType: (appId: string, handle: string, useStaticKey: boolean) =>
      setKeyType.run(useStaticKey ? 1 : 0, appId, handle),
    setJwtPayload: (appId: string, handle: string, payload: string) =>
      setJwtPayload.run(payload, appId, handle).changes > 0,
    setSessionData: (appId: string, handle: string, data: string) =>
      setSessionData.run(data, appId, handle).changes > 0,
    /** Returns the handles that existed. */
    removeHandles: db.transaction((appId: string, handles: string[]) =>
      handles.filter((handle) => remove.run(appId, handle).changes > 0),
    ),
    handlesOfUser: (appId: string, userId: string, tenantId: string | null, now: number) =>
      tenantId === null
        ? handlesOfUser.all(appId, userId, now)
        : handlesOfUserInTenant.all(appId, userId, tenantId, now),
    removeExpired: (now: number) => removeExpired.run(now).changes,
  };
}
