import { z } from "zod";
import { apiKeyLimits } from "@/config/limits";
import { body, text } from "./fields";

/** What a key may be allowed to do. A session may do all of it; a key only what it was given. */
export const apiKeyScopes = apiKeyLimits.scopes;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const createApiKeyInput = body({
  name: text({ max: apiKeyLimits.name }),
  scopes: z
    .array(z.enum(apiKeyScopes, { error: `must be one of ${apiKeyScopes.join(", ")}` }), {
      error: "must be a list of scopes",
    })
    .min(1, "choose at least one scope")
    .transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z.literal(apiKeyLimits.expiresInDays, { error: "must be 30, 90 or null" }),
});
export type CreateApiKeyInput = z.output<typeof createApiKeyInput>;

/** Next puts the `[id]` of `/api/keys/[id]` in the query. */
export const apiKeyIdQuery = z.object({ id: z.string() });
