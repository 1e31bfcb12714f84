import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * Refresh tokens are opaque to the SDK. Like the real core's, ours carry their own state,
 * encrypted with the app's key (AES-256-GCM): a forged or edited token fails to decrypt.
 */
const contentSchema = z.object({
  sessionHandle: z.string(),
  parentRefreshTokenHash1: z.string().nullable(),
  antiCsrfToken: z.string().nullable(),
  nonce: z.string(),
});

export type RefreshTokenContent = Omit<z.infer<typeof contentSchema>, "nonce">;

export function encryptRefreshToken(key: Buffer, content: RefreshTokenContent): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const plain = JSON.stringify({ ...content, nonce: randomBytes(16).toString("base64url") });
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}.V2`;
}

export function decryptRefreshToken(key: Buffer, token: string): RefreshTokenContent | undefined {
  const raw = Buffer.from(token.replace(/\.V2$/, ""), "base64url");
  if (raw.length < 29) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(-16));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, -16)), decipher.final()]);
    const parsed = contentSchema.safeParse(JSON.parse(plain.toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
