/**
 * The format of an API key: `nsk_<lookup id>_<secret>`, e.g.
 * `nsk_5f0c3a9e1b27_Qm9ZxP…` (43 characters of secret).
 *
 * - `nsk_` is fixed, so secret scanners can recognise a leaked key and the chain can tell a key
 *   from a SuperTokens access token (a JWT, `eyJ…`), which travels as `Authorization: Bearer` too.
 * - The lookup id (48 random bits, hex) is not secret: with the prefix it is the key's visible
 *   `prefix`, shown in the UI, and the indexed column a request's key is found by.
 * - The secret is 256 random bits. Only its SHA-256 is stored: a secret this long cannot be guessed
 *   from its hash, so a slow password hash would only slow every request down.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const prefix = "nsk_";

const token = z
  .string()
  .regex(/^nsk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/)
  .transform((value) => ({ prefix: value.slice(0, 16), secret: value.slice(17) }));

export type ParsedApiKey = z.output<typeof token>;

/** A new key: the string shown once to its owner, and what is stored (never the secret). */
export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const visible = `${prefix}${randomBytes(6).toString("hex")}`;
  const secret = randomBytes(32).toString("base64url");
  return { key: `${visible}_${secret}`, prefix: visible, secretHash: hashSecret(secret) };
}

/** The key's parts, or `undefined` for a string that is not a well-formed key. */
export function parseApiKey(value: string): ParsedApiKey | undefined {
  const result = token.safeParse(value);
  return result.success ? result.data : undefined;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Compares in constant time, so the answer's timing says nothing about how much matched. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The API key in an `Authorization: Bearer …` header, if the token there claims to be one. */
export function presentedApiKey(authorization: string | undefined): string | undefined {
  const bearer = /^Bearer +(\S+)$/i.exec(authorization ?? "")?.[1];
  return bearer?.startsWith(prefix) ? bearer : undefined;
}
