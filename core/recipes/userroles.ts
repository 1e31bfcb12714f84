import { z } from "zod";
import { route, type Route } from "../router";
import { trimmedName } from "../validation";

const UNKNOWN_ROLE = { status: "UNKNOWN_ROLE_ERROR" } as const;
const permissions = z.array(trimmedName);

// Roles and their permissions are app-wide; which user holds which role is per tenant.
export const userRoleRoutes: Route[] = [
  route(
    "PUT",
    "/recipe/role",
    z.object({ role: trimmedName, permissions: permissions.optional() }),
    ({ app, store }, input) => ({
      status: "OK",
      createdNewRole: store.roles.upsert(app.id, input.role, input.permissions ?? []),
    }),
  ),

  route(
    "GET",
    "/recipe/role/permissions",
    z.object({ role: trimmedName }),
    ({ app, store }, { role }) =>
      store.roles.exists(app.id, role)
        ? { status: "OK", permissions: store.roles.permissionsOf(app.id, role) }
        : UNKNOWN_ROLE,
  ),

  route(
    "POST",
    "/recipe/role/permissions/remove",
    z.object({ role: trimmedName, permissions: permissions.optional() }),
    ({ app, store }, input) => {
      if (!store.roles.exists(app.id, input.role)) return UNKNOWN_ROLE;
      store.roles.removePermissions(app.id, input.role, input.permissions);
      return { status: "OK" };
    },
  ),

  route(
    "GET",
    "/recipe/permission/roles",
    z.object({ permission: trimmedName }),
    ({ app, store }, { permission }) => ({
      status: "OK",
      roles: store.roles.rolesWithPermission(app.id, permission),
    }),
  ),

  route(
    "POST",
    "/recipe/role/remove",
    z.object({ role: trimmedName }),
    ({ app, store }, input) => ({
      status: "OK",
      didRoleExist: store.roles.remove(app.id, input.role),
    }),
  ),

  route("GET", "/recipe/roles", z.object({}), ({ app, store }) => ({
    status: "OK",
    roles: store.roles.all(app.id),
  })),

  route(
    "PUT",
    "/recipe/user/role",
    z.object({ userId: z.string(), role: trimmedName }),
    ({ app, tenantId, store }, { userId, role }) =>
      store.roles.exists(app.id, role)
        ? {
            status: "OK",
            didUserAlreadyHaveRole: store.roles.addToUser(app.id, tenantId, userId, role),
          }
        : UNKNOWN_ROLE,
  ),

  route(
    "POST",
    "/recipe/user/role/remove",
    z.object({ userId: z.string(), role: trimmedName }),
    ({ app, tenantId, store }, { userId, role }) =>
      store.roles.exists(app.id, role)
        ? {
            status: "OK",
            didUserHaveRole: store.roles.removeFromUser(app.id, tenantId, userId, role),
          }
        : UNKNOWN_ROLE,
  ),

  route(
    "GET",
    "/recipe/user/roles",
    z.object({ userId: z.string() }),
    ({ app, tenantId, store }, { userId }) => ({
      status: "OK",
      roles: store.roles.ofUser(app.id, tenantId, userId),
    }),
  ),

  route(
    "GET",
    "/recipe/role/users",
    z.object({ role: trimmedName }),
    ({ app, tenantId, store }, { role }) =>
      store.roles.exists(app.id, role)
        ? { status: "OK", users: store.roles.users(app.id, tenantId, role) }
        : UNKNOWN_ROLE,
  ),
];
