import { verify } from "node:crypto";
import { SignJWT } from "jose";
import { z } from "zod";
import type { SigningKey, SigningKeys } from "./signingKeys";

/** Claims the core owns; `userDataInJWT` may not set them. */
export const PROTECTED_CLAIMS = [
  "sub",
  "exp",
  "iat",
  "sessionHandle",
  "refreshTokenHash1",
  "parentRefreshTokenHash1",
  "antiCsrfToken",
  "tId",
  "rsub",
] as const;

export type JsonObject = Record<string, unknown>;

export type TokenInfo = { token: string; expiry: number; createdTime: number };

export type AccessTokenFields = {
  sessionHandle: string;
  userId: string;
  recipeUserId: string;
  tenantId: string;
  refreshTokenHash1: string;
  parentRefreshTokenHash1: string | null;
  antiCsrfToken: string | null;
};

const claimsSchema = z.looseObject({
  sub: z.string(),
  exp: z.number(),
  iat: z.number(),
  tId: z.string(),
  rsub: z.string(),
  sessionHandle: z.string(),
  refreshTokenHash1: z.string(),
  parentRefreshTokenHash1: z.string().nullable(),
  antiCsrfToken: z.string().nullable(),
});

export type AccessTokenClaims = z.infer<typeof claimsSchema>;

export type ReadAccessToken = {
  kid: string;
  claims: AccessTokenClaims;
  fields: AccessTokenFields;
  userData: JsonObject;
  expired: boolean;
};

/** Signs a v5 access token; `exp`/`iat` are whole seconds and the reply's ms match them exactly. */
export async function signAccessToken(
  key: SigningKey,
  fields: AccessTokenFields,
  userData: JsonObject,
  createdMs: number,
  expiryMs: number,
): Promise<TokenInfo> {
  const iat = Math.floor(createdMs / 1000);
  const exp = Math.floor(expiryMs / 1000);
  const token = await new SignJWT({
    ...userData,
    iat,
    exp,
    sub: fields.userId,
    tId: fields.tenantId,
    rsub: fields.recipeUserId,
    sessionHandle: fields.sessionHandle,
    refreshTokenHash1: fields.refreshTokenHash1,
    parentRefreshTokenHash1: fields.parentRefreshTokenHash1,
    antiCsrfToken: fields.antiCsrfToken,
  })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.kid, version: "5" })
    .sign(key.privateKey);
  return { token, expiry: exp * 1000, createdTime: iat * 1000 };
}

const headerSchema = z.object({ alg: z.literal("RS256"), kid: z.string() });

const decodePart = (part: string): unknown =>
  JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

/** Checks the signature (not the expiry, which the caller decides about); undefined if invalid. */
export function readAccessToken(keys: SigningKeys, token: string): ReadAccessToken | undefined {
  try {
    const [header, payload, signature, ...rest] = token.split(".");
    if (header === undefined || payload === undefined || !signature || rest.length > 0) {
      return undefined;
    }
    const { kid } = headerSchema.parse(decodePart(header));
    const key = keys.find(kid);
    if (!key) return undefined;
    // Synchronous on purpose: an RSA-2048 check takes tens of microseconds, less than a
    // round trip through the threadpool (which WebCrypto, and so jose, would take).
    const signed = Buffer.from(`${header}.${payload}`);
    if (!verify("sha256", signed, key.publicKey, Buffer.from(signature, "base64url"))) {
      return undefined;
    }
    const claims = claimsSchema.parse(decodePart(payload));
    return {
      kid,
      claims,
      fields: {
        sessionHandle: claims.sessionHandle,
        userId: claims.sub,
        recipeUserId: claims.rsub,
        tenantId: claims.tId,
        refreshTokenHash1: claims.refreshTokenHash1,
        parentRefreshTokenHash1: claims.parentRefreshTokenHash1,
        antiCsrfToken: claims.antiCsrfToken,
      },
      userData: withoutProtectedClaims(claims),
      expired: claims.exp * 1000 <= Date.now(),
    };
  } catch {
    return undefined;
  }
}

export function withoutProtectedClaims(claims: JsonObject): JsonObject {
  const rest: JsonObject = { ...claims };
  for (const name of PROTECTED_CLAIMS) delete rest[name];
  return rest;
}

export function hasProtectedClaim(userData: JsonObject): boolean {
  return PROTECTED_CLAIMS.some((name) => name in userData);
}
