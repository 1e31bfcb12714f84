import { z } from "zod";
import { route, type RequestContext, type Route } from "../router";
import type { JsonObject } from "../tokens/accessToken";
import { customClaims, jsonObject } from "../validation";

const unauthorised = (message: string) => ({ status: "UNAUTHORISED", message });
const liveRow = (ctx: RequestContext, handle: string) =>
  ctx.store.sessions.findLive(ctx.app.id, handle, Date.now());
const parsePayload = (json: string) => JSON.parse(json) as JsonObject;

/** Sessions by handle or user: read, list, revoke, and update their stored data. */
export const sessionDataRoutes: Route[] = [
  route(
    "GET",
    "/recipe/session",
    z.object({ sessionHandle: z.string() }),
    (ctx, { sessionHandle }) => {
      const row = liveRow(ctx, sessionHandle);
      if (!row) return unauthorised("Session does not exist.");
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
    (ctx, input) => {
      if (!liveRow(ctx, input.sessionHandle)) return unauthorised("Session does not exist.");
      const data = JSON.stringify(input.userDataInDatabase);
      ctx.store.sessions.setSessionData(ctx.app.id, input.sessionHandle, data);
      return { status: "OK" };
    },
  ),

  route(
    "PUT",
    "/recipe/jwt/data",
    z.object({ sessionHandle: z.string(), userDataInJWT: customClaims }),
    (ctx, input) => {
      if (!liveRow(ctx, input.sessionHandle)) return unauthorised("Session does not exist.");
      const payload = JSON.stringify(input.userDataInJWT);
      ctx.store.sessions.setJwtPayload(ctx.app.id, input.sessionHandle, payload);
      return { status: "OK" };
    },
  ),
];
