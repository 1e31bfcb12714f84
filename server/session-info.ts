import type { SessionContainer } from "supertokens-node/recipe/session";

export type SessionInfo = {
  userId: string;
  sessionHandle: string;
  accessTokenPayload: Record<string, unknown>;
};

/** The session as SuperTokens' own guide shows it (GET /api/user). */
export function describeSession(session: SessionContainer): SessionInfo {
  return {
    userId: session.getUserId(),
    sessionHandle: session.getHandle(),
    accessTokenPayload: session.getAccessTokenPayload() as Record<string, unknown>,
  };
}
