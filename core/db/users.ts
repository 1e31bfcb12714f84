import type { Db } from "./schema";
import { unlessDuplicate } from "./unique";

export type UserRow = {
  user_id: string;
  email: string;
  password_hash: string;
  time_joined: number;
};

export type UserListQuery = {
  tenantId: string;
  order: "ASC" | "DESC";
  limit: number;
  after?: { userId: string; timeJoined: number };
  emailPrefixes?: string[];
};

const COLUMNS = "u.user_id, u.email, u.password_hash, u.time_joined";

export function userQueries(db: Db) {
  const byId = db.prepare<[string, string], UserRow>(
    `SELECT ${COLUMNS} FROM ep_users u WHERE u.app_id = ? AND u.user_id = ?`,
  );
  const tenantsOf = db
    .prepare<[string, string], string>(
      "SELECT tenant_id FROM user_tenants WHERE app_id = ? AND user_id = ? ORDER BY tenant_id",
    )
    .pluck();
  const byEmail = db.prepare<[string, string, string], UserRow>(
    `SELECT ${COLUMNS} FROM user_tenants t
     JOIN ep_users u ON u.app_id = t.app_id AND u.user_id = t.user_id
     WHERE t.app_id = ? AND t.tenant_id = ? AND t.email = ?`,
  );
  const insertUser = db.prepare(
    "INSERT INTO ep_users (app_id, user_id, email, password_hash, time_joined) VALUES (?, ?, ?, ?, ?)",
  );
  const insertUserTenant = db.prepare(
    "INSERT INTO user_tenants (app_id, tenant_id, user_id, email) VALUES (?, ?, ?, ?)",
  );
  const deleteUserTenant = db.prepare(
    "DELETE FROM user_tenants WHERE app_id = ? AND tenant_id = ? AND user_id = ?",
  );
  const updateEmail = db.prepare("UPDATE ep_users SET email = ? WHERE app_id = ? AND user_id = ?");
  const updateTenantEmails = db.prepare(
    "UPDATE user_tenants SET email = ? WHERE app_id = ? AND user_id = ?",
  );
  const updatePassword = db.prepare(
    "UPDATE ep_users SET password_hash = ? WHERE app_id = ? AND user_id = ?",
  );
  const deleteRows = [
    "ep_users",
    "user_tenants",
    "password_reset_tokens",
    "sessions",
    "user_roles",
    "user_metadata",
  ].map((table) => db.prepare(`DELETE FROM ${table} WHERE app_id = ? AND user_id = ?`));
  const countAll = db
    .prepare<[string], number>("SELECT COUNT(*) FROM ep_users WHERE app_id = ?")
    .pluck();
  const countInTenant = db
    .prepare<[string, string], number>(
      "SELECT COUNT(*) FROM user_tenants WHERE app_id = ? AND tenant_id = ?",
    )
    .pluck();
  const insertResetToken = db.prepare(
    `INSERT INTO password_reset_tokens (app_id, token_hash, user_id, email, expires_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const selectResetToken = db.prepare<
    [string, string],
    { user_id: string; email: string; expires_at: number }
  >(
    "SELECT user_id, email, expires_at FROM password_reset_tokens WHERE app_id = ? AND token_hash = ?",
  );
  const deleteResetTokens = db.prepare(
    "DELETE FROM password_reset_tokens WHERE app_id = ? AND user_id = ?",
  );

  const insert = db.transaction((appId: string, tenantId: string, user: UserRow) => {
    insertUser.run(appId, user.user_id, user.email, user.password_hash, user.time_joined);
    insertUserTenant.run(appId, tenantId, user.user_id, user.email);
  });
  const changeEmail = db.transaction((appId: string, userId: string, email: string) => {
    updateEmail.run(email, appId, userId);
    updateTenantEmails.run(email, appId, userId);
  });

  return {
    byId: (appId: string, userId: string) => byId.get(appId, userId),
    tenantsOf: (appId: string, userId: string) => tenantsOf.all(appId, userId),
    byEmail: (appId: string, tenantId: string, email: string) =>
      byEmail.get(appId, tenantId, email),
    /** `"duplicate"`: the email is taken in the tenant. */
    insert: (appId: string, tenantId: string, user: UserRow) =>
      unlessDuplicate(() => insert(appId, tenantId, user)),
    /** `"duplicate"`: the email is taken in the tenant. */
    addToTenant: (appId: string, tenantId: string, userId: string, email: string) =>
      unlessDuplicate(() => insertUserTenant.run(appId, tenantId, userId, email)),
    removeFromTenant: (appId: string, tenantId: string, userId: string) =>
      deleteUserTenant.run(appId, tenantId, userId).changes > 0,
    /** `"duplicate"`: the email is taken in one of the user's tenants. */
    updateEmail: (appId: string, userId: string, email: string) =>
      unlessDuplicate(() => changeEmail(appId, userId, email)),
    updatePassword: (appId: string, userId: string, passwordHash: string) =>
      updatePassword.run(passwordHash, appId, userId),
    /** Deletes the user with everything keyed by its id: sessions, roles, metadata, tokens. */
    remove: db.transaction((appId: string, userId: string) => {
      for (const statement of deleteRows) statement.run(appId, userId);
    }),
    count: (appId: string, tenantId: string | null) =>
      tenantId === null ? countAll.get(appId) : countInTenant.get(appId, tenantId),
    list(appId: string, query: UserListQuery): UserRow[] {
      const direction = query.order === "ASC" ? ">" : "<";
      const where = ["t.app_id = ?", "t.tenant_id = ?"];
      const params: (string | number)[] = [appId, query.tenantId];
      if (query.after) {
        where.push(
          `(u.time_joined ${direction} ? OR (u.time_joined = ? AND u.user_id ${direction} ?))`,
        );
        params.push(query.after.timeJoined, query.after.timeJoined, query.after.userId);
      }
      if (query.emailPrefixes?.length) {
        const like = "LIKE ? ESCAPE '\\'";
        const tests = query.emailPrefixes.map(() => `(u.email ${like} OR u.email ${like})`);
        where.push(`(${tests.join(" OR ")})`);
        for (const prefix of query.emailPrefixes) {
          const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
          params.push(`${escaped}%`, `%@${escaped}%`);
        }
      }
      params.push(query.limit);
      // Built from fixed fragments only; values are bound. Prepared per call: the shape varies.
      return db
        .prepare<(string | number)[], UserRow>(
          `SELECT ${COLUMNS} FROM user_tenants t
           JOIN ep_users u ON u.app_id = t.app_id AND u.user_id = t.user_id
           WHERE ${where.join(" AND ")}
           ORDER BY u.time_joined ${query.order}, u.user_id ${query.order} LIMIT ?`,
        )
        .all(...params);
    },
    insertResetToken: (
      appId: string,
      tokenHash: string,
      userId: string,
      email: string,
      expiresAt: number,
    ) => insertResetToken.run(appId, tokenHash, userId, email, expiresAt),
    /** Single use: a valid token deletes every reset token of its user. */
    consumeResetToken: db.transaction((appId: string, tokenHash: string, now: number) => {
      const row = selectResetToken.get(appId, tokenHash);
      if (!row) return undefined;
      deleteResetTokens.run(appId, row.user_id);
      return row.expires_at > now ? row : undefined;
    }),
  };
}
