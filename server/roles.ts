/**
 * The roles this app knows and the permissions each grants. Created in the core on first use (and
 * by `npm run seed`), so a fresh core works without seeding.
 */
import UserRoles from "supertokens-node/recipe/userroles";

// #region roles
export const rolePermissions = {
  admin: ["users:read"],
  paid: ["premium:read"],
} as const satisfies Record<string, readonly string[]>;
// #endregion roles

export type Role = keyof typeof rolePermissions;

let created: Promise<void> | undefined;

/** Idempotent: the core keeps existing roles and only adds missing permissions. */
export function ensureRoles(): Promise<void> {
  created ??= Promise.all(
    Object.entries(rolePermissions).map(([role, permissions]) =>
      UserRoles.createNewRoleOrAddPermissions(role, [...permissions]),
    ),
  ).then(
    () => undefined,
    (error: unknown) => {
      created = undefined; // try again on the next call, e.g. once the core is up
      throw error;
    },
  );
  return created;
}
