import type { NextRequest } from "next/server";
import { withSession } from "supertokens-node/nextjs";
import type { SessionContainer } from "supertokens-node/recipe/session";
import { sessionRequired } from "@/server/api-keys/errors";
import { presentedApiKey } from "@/server/api-keys/secret";
import { notFound } from "@/server/http-error";
import type { SessionOptions } from "../session";

/** `requireSession()`'s options, less `sessionRequired: false`: a route handler's session is never absent. */
export type RouteSessionOptions = Omit<SessionOptions, "sessionRequired">;

// #region route-session
/**
 * The session link for route handlers: supertokens-node's App Router `withSession`. On a missing,
 * expired or invalid session, or a failed claim, the SDK answers itself (401 `unauthorised` or
 * `try refresh token`, 403 `invalid claim`) and `handler` never runs; token headers it sets go onto
 * the handler's answer.
 */
export function requireRouteSession(
  request: NextRequest,
  options: RouteSessionOptions,
  handler: (session: SessionContainer) => Promise<Response>,
): Promise<Response> {
  const { hideFromAnonymous = false, ...verifyOptions } = options;
  // As in requireSession(): an API key is not enough here, and is told so (not "try refresh token").
  if (presentedApiKey(request.headers.get("authorization") ?? undefined) !== undefined) {
    throw hideFromAnonymous ? notFound() : sessionRequired();
  }
  return withSession(
    request,
    async (error, session) => {
      // `error` is one the SDK does not answer itself, such as one `handler` threw (withSession
      // then calls back a second time with it): rethrown, for the error link to answer.
      if (error) throw error;
      // Without a session only when `hideFromAnonymous` asked the SDK not to answer 401.
      if (session === undefined) throw notFound();
      return handler(session);
    },
    hideFromAnonymous ? { ...verifyOptions, sessionRequired: false } : verifyOptions,
  );
}
// #endregion route-session
