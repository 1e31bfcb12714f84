import { z } from "zod";
import { route, type RequestContext, type Route } from "../router";
import { customClaims, jsonObject } from "../validation";
import { liveRow, parsePayload, SESSION_MISSING, unauthorised } from "./sessionRows";

/** Runs `write` on a live session; without one, the real core's answer. */
function updateLive(ctx: RequestContext, sessionHandle: string, write: () => void) {
  if (!liveRow(ctx, sessionHandle)) return unauthorised(SESSION_MISSING);
  write();
  return { status: "OK" };
}

/** Sessions by handle or user: read, list, revoke, and update their stored data. */
export const sessionDataRoutes: Route[] = [
  route(
    "GET",
    "/recipe/session",
    z.object({ sessionHandle: z.string() }),
    (ctx, { sessionHandle }) => {
      const row = liveRow(ctx, sessionHandle);
      if (!row) return unauthorised(SESSION_MISSING);
      return {
        status: "OK",
        sessionHandle: row.session_handle,
        userId: row.user_id,
        recipeUserId: row.recipe_user_id,
        userDataInDatabase: parsePayload(row.session_data),
        userDataInJWT: parsePayload(row.jwt_user_payload),
        expiry: row.expires_at,
        timeCreated: row.created_at,
        tenantId: row.tenant_id,
      };
    },
  ),

  route(
    "POST",
    "/recipe/session/remove",
    z
      .object({
        sessionHandles: z.array(z.string()).optional(),
        userId: z.string().optional(),
        revokeSessionsForLinkedAccounts: z.boolean().optional(),
        revokeAcrossAllTenants: z.boolean().optional(),
      })
      .refine((input) => (input.sessionHandles === undefined) !== (input.userId === undefined), {
        message: "give exactly one of sessionHandles and userId",
      }),
    ({ app, tenantId, store }, input) => {
      const handles =
        input.sessionHandles ??
        store.sessions.handlesOfUser(
          app.id,
          input.userId ?? "",
          input.revokeAcrossAllTenants === false ? tenantId : null,
          0,
        );
      return { status: "OK", sessionHandlesRevoked: store.sessions.removeHandles(app.id, handles) };
    },
  ),

  route(
    "GET",
    "/recipe/session/user",
    z.object({
      userId: z.string(),
      fetchSessionsForAllLinkedAccounts: z.string().optional(),
      fetchAcrossAllTenants: z.enum(["true", "false"]).default("true"),
    }),
    ({ app, tenantId, store }, input) => ({
      status: "OK",
      sessionHandles: store.sessions.handlesOfUser(
        app.id,
        input.userId,
        input.fetchAcrossAllTenants === "true" ? null : tenantId,
        Date.now(),
      ),
    }),
  ),

  route(
    "PUT",
    "/recipe/session/data",
    z.object({ sessionHandle: z.string(), userDataInDatabase: jsonObject }),
    (ctx, { sessionHandle, userDataInDatabase }) =>
      updateLive(ctx, sessionHandle, () =>
        ctx.store.sessions.setSessionData(
          ctx.app.id,
          sessionHandle,
          JSON.stringify(userDataInDatabase),
        ),
      ),
  ),

  route(
    "PUT",
    "/recipe/jwt/data",
    z.object({ sessionHandle: z.string(), userDataInJWT: customClaims }),
    (ctx, { sessionHandle, userDataInJWT }) =>
      updateLive(ctx, sessionHandle, () =>
        ctx.store.sessions.setJwtPayload(ctx.app.id, sessionHandle, JSON.stringify(userDataInJWT)),
      ),
  ),
];
