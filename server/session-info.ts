import type { SessionContainer } from "supertokens-node/recipe/session";

/** The session as SuperTokens' own guide shows it (GET /api/user). */
export function describeSession(session: SessionContainer) {
  return {
    userId: session.getUserId(),
    sessionHandle: session.getHandle(),
    accessTokenPayload: session.getAccessTokenPayload() as Record<string, unknown>,
  };
}
