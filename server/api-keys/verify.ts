import supertokens from "supertokens-node";
import { findApiKeyByPrefix, recordApiKeyUse, type StoredApiKey } from "../db/api-keys";
import { parseApiKey, secretMatches } from "./secret";

/** `lastUsedAt` is as precise as this: a key used all day costs one write a minute. */
const lastUsedResolutionMs = 60_000;

/**
 * The stored key a presented key string proves, or `undefined` when it is malformed, unknown
 * (revoked keys are deleted), wrong, expired, or its user no longer exists.
 */
export async function verifyApiKey(presented: string): Promise<StoredApiKey | undefined> {
  const parsed = parseApiKey(presented);
  const key = parsed && (await findApiKeyByPrefix(parsed.prefix));
  if (!parsed || !key || !secretMatches(parsed.secret, key.secretHash)) return undefined;
  const now = Date.now();
  if (key.expiresAt !== null && key.expiresAt <= now) return undefined;
  // Deleting a user in SuperTokens never reaches this table, so ask the core: one call, as
  // `checkDatabase` makes for a session.
  if (!(await supertokens.getUser(key.userId))) return undefined;
  if (key.lastUsedAt === null || now - key.lastUsedAt >= lastUsedResolutionMs) {
    await recordApiKeyUse(key.id, now, lastUsedResolutionMs);
  }
  return key;
}
