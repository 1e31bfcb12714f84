/**
 * The limits the server's input schemas check (server/schemas/), in the one place the forms read
 * them too: a form never accepts what the API would refuse.
 */
export const noteLimits = {
  title: 200,
  body: 10_000,
  /** Notes per page when the client does not ask for a number; the dashboard asks for this. */
  pageSize: 20,
  maxPageSize: 100,
} as const;

export const profileLimits = { name: 60 } as const;

/** API keys: a name, what the key may do, and how long it lives (days; `null`: until revoked). */
export const apiKeyLimits = {
  name: 60,
  scopes: ["notes:read", "notes:write", "profile:read"],
  expiresInDays: [30, 90, null],
} as const;
