/**
 * API keys, stored as their owner, name, scopes and dates, the visible prefix, and a hash of the
 * secret. Like notes, every query a user makes takes the owner's id: another user's key is not found.
 */
import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import { z } from "zod";
import { apiKeyScopes, type ApiKeyScope, type CreateApiKeyInput } from "../schemas/api-key";
import { query } from "./query";
import type { ApiKeysTable } from "./schema";

/** A key as its owner sees it: everything but the secret, which was shown once at creation. */
export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};

/** The answer to `GET /api/keys`. */
export type ApiKeyList = { apiKeys: ApiKey[] };

/** The answer to `POST /api/keys`: the only time the secret (`key`) is ever sent. */
export type CreatedApiKey = { key: string; apiKey: ApiKey };

/** What the chain needs to check a presented key. */
export type StoredApiKey = {
  id: string;
  userId: string;
  secretHash: string;
  scopes: ApiKeyScope[];
  expiresAt: number | null;
  lastUsedAt: number | null;
};

type Row = Selectable<ApiKeysTable>;

const dayMs = 24 * 60 * 60 * 1000;
const scope = z.enum(apiKeyScopes);
// Read back defensively: a scope dropped from the list in a later version is simply not granted.
const parseScopes = (text: string): ApiKeyScope[] =>
  text.split(" ").filter((value): value is ApiKeyScope => scope.safeParse(value).success);
const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const toApiKey = (row: Row): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: parseScopes(row.scopes),
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: isoOrNull(row.expires_at),
  lastUsedAt: isoOrNull(row.last_used_at),
});

export async function createApiKey(
  userId: string,
  input: CreateApiKeyInput,
  secret: { prefix: string; secretHash: string },
): Promise<ApiKey> {
  const now = Date.now();
  const row: Row = {
    id: randomUUID(),
    user_id: userId,
    name: input.name,
    prefix: secret.prefix,
    secret_hash: secret.secretHash,
    scopes: input.scopes.join(" "),
    created_at: now,
    expires_at: input.expiresInDays === null ? null : now + input.expiresInDays * dayMs,
    last_used_at: null,
  };
  await query((db) => db.insertInto("api_keys").values(row).execute());
  return toApiKey(row);
}

/** Newest first. A user has a handful of keys: no pages. */
export async function listApiKeys(userId: string): Promise<ApiKey[]> {
  const rows = await query((db) =>
    db
      .selectFrom("api_keys")
      .selectAll()
      .where("user_id", "=", userId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute(),
  );
  return rows.map(toApiKey);
}

/** Revokes a key: the row goes, so the next request with it finds nothing. */
export async function deleteApiKey(userId: string, id: string): Promise<boolean> {
  const result = await query((db) =>
    db.deleteFrom("api_keys").where("user_id", "=", userId).where("id", "=", id).executeTakeFirst(),
  );
  return result.numDeletedRows > 0n;
}

/** The key with this visible prefix, whoever owns it (the chain then checks the secret). */
export async function findApiKeyByPrefix(prefix: string): Promise<StoredApiKey | undefined> {
  const row = await query((db) =>
    db.selectFrom("api_keys").selectAll().where("prefix", "=", prefix).executeTakeFirst(),
  );
  return (
    row && {
      id: row.id,
      userId: row.user_id,
      secretHash: row.secret_hash,
      scopes: parseScopes(row.scopes),
      expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at,
    }
  );
}

/**
 * Records a use. The condition makes it a no-op when another request (or instance) recorded one
 * less than `resolutionMs` ago, so a busy key costs one write a minute, not one per request.
 */
export async function recordApiKeyUse(id: string, now: number, resolutionMs: number) {
  await query((db) =>
    db
      .updateTable("api_keys")
      .set({ last_used_at: now })
      .where("id", "=", id)
      .where((eb) =>
        eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<=", now - resolutionMs)]),
      )
      .execute(),
  );
}
