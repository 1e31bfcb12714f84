import type { NextApiRequest, NextApiResponse } from "next";
import type { NextHandler } from "next-connect";
import type { SessionContainer, VerifySessionOptions } from "supertokens-node/recipe/session";
import { verifySession } from "supertokens-node/recipe/session/framework/express";
import { sessionRequired } from "@/server/api-keys/errors";
import { presentedApiKey } from "@/server/api-keys/secret";
import { notFound } from "@/server/http-error";

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
    let passed = false;
    let failure: unknown;
    // After sending a 401/403 verifySession never calls its callback, so wrapping it in a promise
    // resolved by that callback would stay pending forever. Its own promise always settles.
    await verify(req, res, (error?: unknown) => {
      passed = error === undefined;
      failure = error;
    });
    if (failure !== undefined) throw failure;
    if (!passed) return;
    if (hideFromAnonymous && req.session === undefined) throw notFound();
    return next();
  };
}
// #endregion require-session
