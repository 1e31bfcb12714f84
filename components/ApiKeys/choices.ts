import type { ApiKeyInput, ApiKeyLimits, ApiKeyScope } from "@/lib/api/types";

// The server's lists, restated for the form: the types make the compiler refuse a scope, an expiry
// or a limit that differs from server/schemas/api-key.ts.

/** Every scope, with what it allows (a `Record`: a scope added on the server must be added here). */
export const scopeDescriptions: Record<ApiKeyScope, string> = {
  "notes:read": "Read your notes",
  "notes:write": "Create, edit and delete your notes",
  "profile:read": "Read your account (GET /api/me)",
};

export const expiryChoices: { value: ApiKeyInput["expiresInDays"]; label: string }[] = [
  { value: 30, label: "30 days" },
  { value: 90, label: "90 days" },
  { value: null, label: "Never" },
];

export const nameMaxLength: ApiKeyLimits["name"] = 60;
