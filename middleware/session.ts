import type { NextApiRequest, NextApiResponse } from "next";
import type { NextHandler } from "next-connect";
import type { SessionContainer, VerifySessionOptions } from "supertokens-node/recipe/session";
import { verifySession } from "supertokens-node/recipe/session/framework/express";
import { sessionRequired } from "@/server/api-keys/errors";
import { presentedApiKey } from "@/server/api-keys/secret";
import { notFound } from "@/server/http-error";
import { runSdkMiddleware } from "./sdk-middleware";

/** A request that passed `requireSession()`: handlers read `req.session` without a check. */
export type SessionRequest = NextApiRequest & { session: SessionContainer };
/** A request that passed `requireSession({ sessionRequired: false })`. */
export type OptionalSessionRequest = NextApiRequest & { session?: SessionContainer };

export type SessionOptions = Pick<
  VerifySessionOptions,
  "sessionRequired" | "checkDatabase" | "overrideGlobalClaimValidators"
> & {
  /**
   * Answer callers without a session 404, as if the route did not exist (what Clerk's
   * `auth.protect()` does), instead of SuperTokens' 401. A signed-in caller whose access token has
   * expired still gets the 401 that makes the frontend SDK refresh it. (A method the route does
   * not have still gets 405: next-connect answers that before any link runs.)
   */
  hideFromAnonymous?: boolean;
};

// #region require-session
/**
 * The session link: SuperTokens' `verifySession`, typed for next-connect. It sets `req.session`
 * and calls the next link, or answers 401/403 itself (expired, invalid or revoked session, failed
 * claim) and stops the chain.
 */
export function requireSession(options: SessionOptions = {}) {
  const { hideFromAnonymous = false, ...verifyOptions } = options;
  const verify = verifySession(
    hideFromAnonymous ? { ...verifyOptions, sessionRequired: false } : verifyOptions,
  );

  return async (req: OptionalSessionRequest, res: NextApiResponse, next: NextHandler) => {
    // An API key would only get the SDK's "try refresh token": say plainly that it is not enough.
    if (presentedApiKey(req.headers.authorization) !== undefined) {
      throw hideFromAnonymous ? notFound() : sessionRequired();
    }
    const outcome = await runSdkMiddleware((next) => verify(req, res, next));
    if (outcome.answered) return; // the SDK's 401 or 403
    if (outcome.error !== undefined) throw outcome.error;
    if (hideFromAnonymous && req.session === undefined) throw notFound();
    return next();
  };
}
// #endregion require-session
