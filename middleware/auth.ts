import type { NextApiResponse } from "next";
import type { NextHandler } from "next-connect";
import { insufficientScope, invalidApiKey, sessionRequired } from "@/server/api-keys/errors";
import { presentedApiKey } from "@/server/api-keys/secret";
import { verifyApiKey } from "@/server/api-keys/verify";
import { apiKeyScopes, type ApiKeyScope } from "@/server/schemas/api-key";
import { apiKeyLimit } from "./rate-limit";
import { requireSession, type OptionalSessionRequest, type SessionOptions } from "./session";

/** Who is calling, however they proved it. A session may do all its user may: every scope. */
export type Principal =
  | { via: "session"; userId: string; scopes: readonly ApiKeyScope[] }
  | { via: "apiKey"; userId: string; scopes: readonly ApiKeyScope[]; keyId: string };

/** A request that passed `requireAuth()`: handlers read `req.principal` and need not care how. */
export type AuthRequest = OptionalSessionRequest & { principal: Principal };

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type AuthOptions = Pick<SessionOptions, "checkDatabase"> & {
  /** The scope a key needs, per method (HEAD counts as GET). A method not listed takes sessions only. */
  apiKey?: Partial<Record<Method, ApiKeyScope>>;
};

// #region require-auth
/**
 * The link for routes that scripts may call too: a SuperTokens session (through `requireSession`,
 * with its 401/refresh contract intact) or an API key (`Authorization: Bearer nsk_…`) that has the
 * method's scope, within the key's own rate limit. Any other Bearer token is a SuperTokens access
 * token and goes to the session.
 */
export function requireAuth({ apiKey: scopeFor = {}, ...sessionOptions }: AuthOptions = {}) {
  const session = requireSession(sessionOptions);
  const keyLimit = apiKeyLimit();

  return async (req: AuthRequest, res: NextApiResponse, next: NextHandler) => {
    const presented = presentedApiKey(req.headers.authorization);
    if (presented === undefined) {
      return session(req, res, () => {
        req.principal = { via: "session", userId: sessionUserId(req), scopes: apiKeyScopes };
        return next();
      });
    }

    const scope = scopeFor[(req.method === "HEAD" ? "GET" : req.method) as Method];
    if (scope === undefined) throw sessionRequired();
    const key = await verifyApiKey(presented);
    if (!key) throw invalidApiKey();
    if (!key.scopes.includes(scope)) throw insufficientScope(scope);
    req.principal = { via: "apiKey", userId: key.userId, scopes: key.scopes, keyId: key.id };
    return keyLimit(req, res, next);
  };
}
// #endregion require-auth

function sessionUserId(req: OptionalSessionRequest): string {
  // requireSession calls back only with a session (it is never `sessionRequired: false` here).
  if (!req.session) throw new Error("requireSession passed without a session");
  return req.session.getUserId();
}
