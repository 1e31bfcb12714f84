import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import type { App } from "../apps";
import { DEFAULT_TENANT } from "../apps";
import type { SessionRow } from "../db/sessions";
import { route, type RequestContext, type Route } from "../router";
import {
  readAccessToken,
  signAccessToken,
  type AccessTokenFields,
  type JsonObject,
} from "../tokens/accessToken";
import { sha256 } from "../tokens/hash";
import { decryptRefreshToken, encryptRefreshToken } from "../tokens/refreshToken";
import { customClaims, jsonObject } from "../validation";
import { liveRow, parsePayload, SESSION_MISSING, unauthorised } from "./sessionRows";

const tryRefresh = (message: string) => ({ status: "TRY_REFRESH_TOKEN", message });
const SESSION_ENDED = "Either the session has ended or has been blacklisted";

function sessionJson(fields: AccessTokenFields, userDataInJWT: JsonObject) {
  return {
    handle: fields.sessionHandle,
    userId: fields.userId,
    recipeUserId: fields.recipeUserId,
    userDataInJWT,
    tenantId: fields.tenantId,
  };
}

async function mint(app: App, fields: AccessTokenFields, userData: JsonObject, dynamic: boolean) {
  const now = Date.now();
  const key = await app.keys.current(dynamic);
  return signAccessToken(key, fields, userData, now, now + app.config.accessTokenValidityMs);
}

/**
 * Rotation as in CDI <= 5.4: the session accepts its current refresh token, or a child of it
 * (minted by a refresh whose answer the client may or may not have received); the first use of
 * a child promotes it. Returns the session's (possibly slid) expiry, or undefined for any other
 * token, which means theft.
 */
function acceptRefreshToken(
  ctx: RequestContext,
  row: SessionRow,
  parentRefreshTokenHash1: string | null,
  refreshTokenHash1: string,
): number | undefined {
  const hash2 = sha256(refreshTokenHash1);
  if (hash2 === row.refresh_token_hash_2) return row.expires_at;
  const isChild =
    parentRefreshTokenHash1 !== null &&
    sha256(parentRefreshTokenHash1) === row.refresh_token_hash_2;
  if (!isChild) return undefined;
  const expiresAt = Date.now() + ctx.app.config.refreshTokenValidityMs;
  const { sessions } = ctx.store;
  if (
    sessions.promote(ctx.app.id, row.session_handle, row.refresh_token_hash_2, hash2, expiresAt)
  ) {
    return expiresAt;
  }
  // A concurrent refresh with the same child won the compare-and-set: fine, it promoted this token.
  const current = liveRow(ctx, row.session_handle);
  return current?.refresh_token_hash_2 === hash2 ? current.expires_at : undefined;
}

/** The token flows: create, verify, refresh (rotation and theft detection), regenerate. */

export const sessionRoutes: Route[] = [
  route(
    "POST",
    "/recipe/session",
    z.object({
      userId: z.string(),
      userDataInJWT: customClaims,
      userDataInDatabase: jsonObject,
      useDynamicSigningKey: z.boolean().default(true),
      enableAntiCsrf: z.boolean().default(false),
    }),
    async ({ app, tenantId, store }, input) => {
      const now = Date.now();
      // The real core suffixes the tenant so a handle alone tells which tenant it belongs to.
      const sessionHandle = randomUUID() + (tenantId === DEFAULT_TENANT ? "" : `_${tenantId}`);
      const antiCsrfToken = input.enableAntiCsrf ? randomUUID() : null;
      const refreshToken = encryptRefreshToken(app.refreshTokenKey, {
        sessionHandle,
        parentRefreshTokenHash1: null,
        antiCsrfToken,
      });
      const refreshTokenHash1 = sha256(refreshToken);
      const fields: AccessTokenFields = {
        sessionHandle,
        userId: input.userId,
        recipeUserId: input.userId,
        tenantId,
        refreshTokenHash1,
        parentRefreshTokenHash1: null,
        antiCsrfToken,
      };
      const accessToken = await mint(app, fields, input.userDataInJWT, input.useDynamicSigningKey);
      const expiresAt = now + app.config.refreshTokenValidityMs;
      store.sessions.insert(app.id, {
        session_handle: sessionHandle,
        tenant_id: tenantId,
        user_id: input.userId,
        recipe_user_id: input.userId,
        refresh_token_hash_2: sha256(refreshTokenHash1),
        session_data: JSON.stringify(input.userDataInDatabase),
        jwt_user_payload: JSON.stringify(input.userDataInJWT),
        expires_at: expiresAt,
        created_at: now,
        use_static_key: input.useDynamicSigningKey ? 0 : 1,
      });
      return {
        status: "OK",
        session: sessionJson(fields, input.userDataInJWT),
        accessToken,
        refreshToken: { token: refreshToken, expiry: expiresAt, createdTime: now },
        ...(antiCsrfToken === null ? {} : { antiCsrfToken }),
      };
    },
  ),

  route(
    "POST",
    "/recipe/session/verify",
    z.object({
      accessToken: z.string(),
      antiCsrfToken: z.string().optional(),
      doAntiCsrfCheck: z.boolean(),
      enableAntiCsrf: z.boolean(),
      checkDatabase: z.boolean(),
    }),
    async (ctx, input) => {
      const token = readAccessToken(ctx.app.keys, input.accessToken);
      if (!token || token.expired) return tryRefresh("Access token is invalid or expired");
      const { fields } = token;
      if (input.enableAntiCsrf && input.doAntiCsrfCheck) {
        if (fields.antiCsrfToken === null || input.antiCsrfToken !== fields.antiCsrfToken) {
          return tryRefresh("anti-csrf check failed");
        }
      }
      const needsDatabase = input.checkDatabase || fields.parentRefreshTokenHash1 !== null;
      if (!needsDatabase) return { status: "OK", session: sessionJson(fields, token.userData) };

      const row = liveRow(ctx, fields.sessionHandle);
      if (!row) return unauthorised(SESSION_ENDED);
      const stored = parsePayload(row.jwt_user_payload);
      const dynamic = row.use_static_key === 0;
      if (fields.parentRefreshTokenHash1 !== null) {
        // First use of a token minted by refresh: it proves the client holds the new refresh
        // token, so the session moves on to it and the parent becomes a theft signal.
        const { parentRefreshTokenHash1, refreshTokenHash1 } = fields;
        if (!acceptRefreshToken(ctx, row, parentRefreshTokenHash1, refreshTokenHash1)) {
          return unauthorised("Using access token whose refresh token is no longer valid");
        }
        const promoted = { ...fields, parentRefreshTokenHash1: null };
        const accessToken = await mint(ctx.app, promoted, stored, dynamic);
        return { status: "OK", session: sessionJson(promoted, stored), accessToken };
      }
      if (isDeepStrictEqual(stored, token.userData)) {
        return { status: "OK", session: sessionJson(fields, stored) };
      }
      // The stored payload changed (PUT /recipe/jwt/data): hand out a token that carries it.
      const accessToken = await mint(ctx.app, fields, stored, dynamic);
      return { status: "OK", session: sessionJson(fields, stored), accessToken };
    },
  ),

  route(
    "POST",
    "/recipe/session/refresh",
    z.object({
      refreshToken: z.string(),
      antiCsrfToken: z.string().optional(),
      enableAntiCsrf: z.boolean(),
      useDynamicSigningKey: z.boolean().default(true),
    }),
    async (ctx, input) => {
      const { app, store } = ctx;
      const content = decryptRefreshToken(app.refreshTokenKey, input.refreshToken);
      if (!content) return unauthorised("Refresh token is invalid");
      if (
        input.enableAntiCsrf &&
        content.antiCsrfToken !== null &&
        input.antiCsrfToken !== content.antiCsrfToken
      ) {
        return unauthorised("Anti CSRF token missing, or not matching");
      }
      const row = liveRow(ctx, content.sessionHandle);
      if (!row) return unauthorised("Session missing in db or has expired");

      const refreshTokenHash1 = sha256(input.refreshToken);
      const expiresAt = acceptRefreshToken(
        ctx,
        row,
        content.parentRefreshTokenHash1,
        refreshTokenHash1,
      );
      if (expiresAt === undefined) {
        // An older token came back after its successor was used: someone holds a stolen copy.
        return {
          status: "TOKEN_THEFT_DETECTED",
          session: {
            handle: row.session_handle,
            userId: row.user_id,
            recipeUserId: row.recipe_user_id,
          },
        };
      }

      if ((row.use_static_key === 0) !== input.useDynamicSigningKey) {
        store.sessions.setKeyType(app.id, row.session_handle, !input.useDynamicSigningKey);
      }
      const antiCsrfToken = input.enableAntiCsrf ? randomUUID() : null;
      const childToken = encryptRefreshToken(app.refreshTokenKey, {
        sessionHandle: row.session_handle,
        parentRefreshTokenHash1: refreshTokenHash1,
        antiCsrfToken,
      });
      const fields: AccessTokenFields = {
        sessionHandle: row.session_handle,
        userId: row.user_id,
        recipeUserId: row.recipe_user_id,
        tenantId: row.tenant_id,
        refreshTokenHash1: sha256(childToken),
        parentRefreshTokenHash1: refreshTokenHash1,
        antiCsrfToken,
      };
      const stored = parsePayload(row.jwt_user_payload);
      const accessToken = await mint(app, fields, stored, input.useDynamicSigningKey);
      return {
        status: "OK",
        session: sessionJson(fields, stored),
        accessToken,
        refreshToken: { token: childToken, expiry: expiresAt, createdTime: Date.now() },
        ...(antiCsrfToken === null ? {} : { antiCsrfToken }),
      };
    },
  ),

  route(
    "POST",
    "/recipe/session/regenerate",
    z.object({ accessToken: z.string(), userDataInJWT: customClaims.optional() }),
    async (ctx, input) => {
      const token = readAccessToken(ctx.app.keys, input.accessToken);
      if (!token) return unauthorised("Access token is invalid");
      const { fields } = token;
      const row = liveRow(ctx, fields.sessionHandle);
      if (!row) return unauthorised(SESSION_MISSING);
      const userData = input.userDataInJWT ?? parsePayload(row.jwt_user_payload);
      ctx.store.sessions.setJwtPayload(ctx.app.id, row.session_handle, JSON.stringify(userData));
      const session = sessionJson(fields, userData);
      // An expired token stays expired: the new payload reaches the client at the next refresh.
      if (token.expired) return { status: "OK", session };
      // Same key kind as before, same expiry: regenerating never extends a token's life.
      const key = await ctx.app.keys.current(token.kid.startsWith("d-"));
      const expiry = token.claims.exp * 1000;
      const accessToken = await signAccessToken(key, fields, userData, Date.now(), expiry);
      return { status: "OK", session, accessToken };
    },
  ),
];
