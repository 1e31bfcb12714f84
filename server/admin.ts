import supertokens from "supertokens-node";
import UserRoles from "supertokens-node/recipe/userroles";

export type UserSummary = { id: string; emails: string[]; timeJoined: number; roles: string[] };
export type UsersPage = { users: UserSummary[]; nextCursor: string | null };

/** A page of users for the admin route, with their roles; the cursor is the core's own. */
export async function listUsers(page: { limit: number; cursor?: string }): Promise<UsersPage> {
  const { users, nextPaginationToken } = await supertokens.getUsersNewestFirst({
    tenantId: "public",
    limit: page.limit,
    paginationToken: page.cursor,
  });
  const summaries = await Promise.all(
    users.map(async (user) => ({
      id: user.id,
      emails: user.emails,
      timeJoined: user.timeJoined,
      roles: (await UserRoles.getRolesForUser("public", user.id)).roles,
    })),
  );
  return { users: summaries, nextCursor: nextPaginationToken ?? null };
}
