import { z } from "zod";
import { body, text } from "./fields";

/** What a key may be allowed to do. A session may do all of it; a key only what it was given. */
export const apiKeyScopes = ["notes:read", "notes:write", "profile:read"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** Days until a new key expires; `null` for a key that lives until it is revoked. */
export const apiKeyExpiries = [30, 90, null] as const;

export const apiKeyLimits = { name: 60 } as const;
export type ApiKeyLimits = typeof apiKeyLimits;

export const createApiKeyInput = body({
  name: text({ max: apiKeyLimits.name }),
  scopes: z
    .array(z.enum(apiKeyScopes, { error: `must be one of ${apiKeyScopes.join(", ")}` }), {
      error: "must be a list of scopes",
    })
    .min(1, "choose at least one scope")
    .transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z.literal(apiKeyExpiries, { error: "must be 30, 90 or null" }),
});
export type CreateApiKeyInput = z.output<typeof createApiKeyInput>;

/** Next puts the `[id]` of `/api/keys/[id]` in the query. */
export const apiKeyIdQuery = z.object({ id: z.string() });
