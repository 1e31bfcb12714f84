import { apiKeyLimits } from "@/config/limits";
import type { ApiKeyScope } from "@/lib/api/types";

/** What each scope allows. A `Record`: a scope added to config/limits.ts must be described here. */
export const scopeDescriptions: Record<ApiKeyScope, string> = {
  "notes:read": "Read your notes",
  "notes:write": "Create, edit and delete your notes",
  "profile:read": "Read your account (GET /api/me)",
};

export const expiryChoices = apiKeyLimits.expiresInDays.map((days) => ({
  value: days,
  label: days === null ? "Never" : `${days} days`,
}));
