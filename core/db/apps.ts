import type { Db } from "./schema";
import { APP_TABLES } from "./schema";

export type AppRow = { app_id: string; core_config: string; refresh_token_key: Buffer };
export type TenantRow = { tenant_id: string; config: string };

export function appQueries(db: Db) {
  const selectApp = db.prepare<[string], AppRow>(
    "SELECT app_id, core_config, refresh_token_key FROM apps WHERE app_id = ?",
  );
  const insertApp = db.prepare(
    "INSERT INTO apps (app_id, core_config, refresh_token_key, created_at) VALUES (?, ?, ?, ?)",
  );
  const updateApp = db.prepare("UPDATE apps SET core_config = ? WHERE app_id = ?");
  const selectTenant = db.prepare<[string, string], TenantRow>(
    "SELECT tenant_id, config FROM tenants WHERE app_id = ? AND tenant_id = ?",
  );
  const listTenants = db.prepare<[string], TenantRow>(
    "SELECT tenant_id, config FROM tenants WHERE app_id = ? ORDER BY tenant_id",
  );
  const upsertTenant = db.prepare(
    `INSERT INTO tenants (app_id, tenant_id, config) VALUES (?, ?, ?)
     ON CONFLICT (app_id, tenant_id) DO UPDATE SET config = excluded.config`,
  );
  const deleteTenantRows = ["tenants", "user_tenants", "user_roles", "sessions"].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE app_id = ? AND tenant_id = ?`),
  );
  const deleteAppRows = APP_TABLES.map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE app_id = ?`),
  );

  return {
    find: (appId: string) => selectApp.get(appId),
    /** Returns true when the app did not exist before. */
    upsert: db.transaction((appId: string, coreConfig: string, refreshTokenKey: Buffer) => {
      if (selectApp.get(appId)) {
        updateApp.run(coreConfig, appId);
        return false;
      }
      insertApp.run(appId, coreConfig, refreshTokenKey, Date.now());
      upsertTenant.run(appId, "public", "{}");
      return true;
    }),
    /** Returns true when the app existed. */
    remove: db.transaction((appId: string) => {
      const existed = selectApp.get(appId) !== undefined;
      for (const statement of deleteAppRows) statement.run(appId);
      return existed;
    }),
    findTenant: (appId: string, tenantId: string) => selectTenant.get(appId, tenantId),
    listTenants: (appId: string) => listTenants.all(appId),
    /** Returns true when the tenant did not exist before. */
    upsertTenant: db.transaction((appId: string, tenantId: string, config: string) => {
      const createdNew = selectTenant.get(appId, tenantId) === undefined;
      upsertTenant.run(appId, tenantId, config);
      return createdNew;
    }),
    /** Returns true when the tenant existed; its users' other tenants and its data go with it. */
    removeTenant: db.transaction((appId: string, tenantId: string) => {
      const existed = selectTenant.get(appId, tenantId) !== undefined;
      for (const statement of deleteTenantRows) statement.run(appId, tenantId);
      return existed;
    }),
  };
}
