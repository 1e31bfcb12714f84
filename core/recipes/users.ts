import { z } from "zod";
import type { Store } from "../db/store";
import type { UserRow } from "../db/users";
import { HttpError } from "../http";
import { route, type Route } from "../router";
import { normaliseEmail, queryBool } from "../validation";

/** The user object of CDI 5.4 (§3.0); every user here has one emailpassword login method. */
export function toUserJson(store: Store, appId: string, row: UserRow) {
  const tenantIds = store.users.tenantsOf(appId, row.user_id);
  return {
    id: row.user_id,
    isPrimaryUser: false,
    tenantIds,
    timeJoined: row.time_joined,
    emails: [row.email],
    phoneNumbers: [],
    thirdParty: [],
    webauthn: { credentialIds: [] },
    loginMethods: [
      {
        tenantIds,
        recipeUserId: row.user_id,
        verified: false,
        timeJoined: row.time_joined,
        recipeId: "emailpassword",
        email: row.email,
      },
    ],
  };
}

const paginationToken = z.string().transform((token, ctx) => {
  const [userId, timeJoined] = Buffer.from(token, "base64").toString("utf8").split(";");
  const time = Number(timeJoined);
  if (!userId || !Number.isSafeInteger(time)) {
    ctx.addIssue({ code: "custom", message: "invalid pagination token" });
    return z.NEVER;
  }
  return { userId, timeJoined: time };
});

const listQuery = z.object({
  includeRecipeIds: z.string().optional(),
  timeJoinedOrder: z.enum(["ASC", "DESC"]).default("ASC"),
  limit: z.coerce.number().int().optional(),
  paginationToken: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  provider: z.string().optional(),
});

const onlyOtherRecipes = (includeRecipeIds: string | undefined) =>
  includeRecipeIds !== undefined && !includeRecipeIds.split(",").includes("emailpassword");

export const userRoutes: Route[] = [
  route("GET", "/user/id", z.object({ userId: z.string() }), ({ app, store }, { userId }) => {
    const row = store.users.byId(app.id, userId);
    return row
      ? { status: "OK", user: toUserJson(store, app.id, row) }
      : { status: "UNKNOWN_USER_ID_ERROR" };
  }),

  route(
    "GET",
    "/users/by-accountinfo",
    z.object({
      email: z.string().optional(),
      phoneNumber: z.string().optional(),
      thirdPartyId: z.string().optional(),
      thirdPartyUserId: z.string().optional(),
      webauthnCredentialId: z.string().optional(),
      doUnionOfAccountInfo: queryBool,
    }),
    ({ app, tenantId, store }, query) => {
      // Only emailpassword accounts live here, so only the email can match anything.
      const row = query.email && store.users.byEmail(app.id, tenantId, normaliseEmail(query.email));
      return { status: "OK", users: row ? [toUserJson(store, app.id, row)] : [] };
    },
  ),

  route(
    "GET",
    "/users/count",
    z.object({ includeRecipeIds: z.string().optional(), includeAllTenants: queryBool.optional() }),
    ({ app, tenantId, store }, query) => ({
      status: "OK",
      count: onlyOtherRecipes(query.includeRecipeIds)
        ? 0
        : store.users.count(app.id, query.includeAllTenants ? null : tenantId),
    }),
  ),

  route("GET", "/users", listQuery, ({ app, tenantId, store }, query) => {
    const limit = query.limit ?? 100;
    if (limit < 1 || limit > 500) {
      throw new HttpError(400, "limit must a positive integer with min value 1");
    }
    let after: { userId: string; timeJoined: number } | undefined;
    if (query.paginationToken !== undefined) {
      const parsed = paginationToken.safeParse(query.paginationToken);
      if (!parsed.success) throw new HttpError(400, "invalid pagination token");
      after = parsed.data;
    }
    const searchesOtherRecipes =
      query.email === undefined && (query.phone !== undefined || query.provider !== undefined);
    if (onlyOtherRecipes(query.includeRecipeIds) || searchesOtherRecipes) {
      return { status: "OK", users: [] };
    }
    const emailPrefixes = query.email?.split(";").map(normaliseEmail).filter(Boolean);
    const rows = store.users.list(app.id, {
      tenantId,
      order: query.timeJoinedOrder,
      limit: limit + 1,
      after,
      emailPrefixes,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      status: "OK",
      users: page.map((row) => toUserJson(store, app.id, row)),
      ...(rows.length > limit && last
        ? {
            nextPaginationToken: Buffer.from(`${last.user_id};${last.time_joined}`).toString(
              "base64",
            ),
          }
        : {}),
    };
  }),

  route(
    "POST",
    "/user/remove",
    z.object({ userId: z.string(), removeAllLinkedAccounts: z.boolean().optional() }),
    ({ app, store }, { userId }) => {
      store.users.remove(app.id, userId);
      return { status: "OK" };
    },
  ),
];
