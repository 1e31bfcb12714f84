import type { Db } from "./schema";

export function roleQueries(db: Db) {
  const roleExists = db.prepare<[string, string], 1>(
    "SELECT 1 FROM roles WHERE app_id = ? AND role = ?",
  );
  const insertRole = db.prepare("INSERT OR IGNORE INTO roles (app_id, role) VALUES (?, ?)");
  const insertPermission = db.prepare(
    "INSERT OR IGNORE INTO role_permissions (app_id, role, permission) VALUES (?, ?, ?)",
  );
  const permissionsOf = db
    .prepare<[string, string], string>(
      "SELECT permission FROM role_permissions WHERE app_id = ? AND role = ? ORDER BY permission",
    )
    .pluck();
  const removePermission = db.prepare(
    "DELETE FROM role_permissions WHERE app_id = ? AND role = ? AND permission = ?",
  );
  const removeAllPermissions = db.prepare(
    "DELETE FROM role_permissions WHERE app_id = ? AND role = ?",
  );
  const rolesWithPermission = db
    .prepare<[string, string], string>(
      "SELECT role FROM role_permissions WHERE app_id = ? AND permission = ? ORDER BY role",
    )
    .pluck();
  const allRoles = db
    .prepare<[string], string>("SELECT role FROM roles WHERE app_id = ? ORDER BY role")
    .pluck();
  const deleteRole = db.prepare("DELETE FROM roles WHERE app_id = ? AND role = ?");
  const deleteRoleMappings = db.prepare("DELETE FROM user_roles WHERE app_id = ? AND role = ?");
  const addUserRole = db.prepare(
    "INSERT OR IGNORE INTO user_roles (app_id, tenant_id, user_id, role) VALUES (?, ?, ?, ?)",
  );
  const removeUserRole = db.prepare(
    "DELETE FROM user_roles WHERE app_id = ? AND tenant_id = ? AND user_id = ? AND role = ?",
  );
  const rolesOfUser = db
    .prepare<[string, string, string], string>(
      "SELECT role FROM user_roles WHERE app_id = ? AND tenant_id = ? AND user_id = ? ORDER BY role",
    )
    .pluck();
  const usersWithRole = db
    .prepare<[string, string, string], string>(
      "SELECT user_id FROM user_roles WHERE app_id = ? AND tenant_id = ? AND role = ? ORDER BY user_id",
    )
    .pluck();

  return {
    exists: (appId: string, role: string) => roleExists.get(appId, role) !== undefined,
    /** Returns true when the role is new; permissions are added to existing ones. */
    upsert: db.transaction((appId: string, role: string, permissions: string[]) => {
      const createdNew = insertRole.run(appId, role).changes > 0;
      for (const permission of permissions) insertPermission.run(appId, role, permission);
      return createdNew;
    }),
    permissionsOf: (appId: string, role: string) => permissionsOf.all(appId, role),
    removePermissions: db.transaction((appId: string, role: string, permissions?: string[]) => {
      if (permissions === undefined) removeAllPermissions.run(appId, role);
      else for (const permission of permissions) removePermission.run(appId, role, permission);
    }),
    rolesWithPermission: (appId: string, permission: string) =>
      rolesWithPermission.all(appId, permission),
    all: (appId: string) => allRoles.all(appId),
    /** Returns true when the role existed; its permissions and user mappings go with it. */
    remove: db.transaction((appId: string, role: string) => {
      removeAllPermissions.run(appId, role);
      deleteRoleMappings.run(appId, role);
      return deleteRole.run(appId, role).changes > 0;
    }),
    /** Returns true when the user already had the role. */
    addToUser: (appId: string, tenantId: string, userId: string, role: string) =>
      addUserRole.run(appId, tenantId, userId, role).changes === 0,
    /** Returns true when the user had the role. */
    removeFromUser: (appId: string, tenantId: string, userId: string, role: string) =>
      removeUserRole.run(appId, tenantId, userId, role).changes > 0,
    ofUser: (appId: string, tenantId: string, userId: string) =>
      rolesOfUser.all(appId, tenantId, userId),
    users: (appId: string, tenantId: string, role: string) =>
      usersWithRole.all(appId, tenantId, role),
  };
}
