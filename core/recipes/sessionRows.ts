import type { RequestContext } from "../router";
import type { JsonObject } from "../tokens/accessToken";

/** What the session routes share: finding a live session, and the real core's answer without one. */

export const unauthorised = (message: string) => ({ status: "UNAUTHORISED", message });

export const SESSION_MISSING = "Session does not exist.";

/** The session, unless it was revoked or has expired. */
export const liveRow = (ctx: RequestContext, handle: string) =>
  ctx.store.sessions.findLive(ctx.app.id, handle, Date.now());

/** A stored payload: written by us from a validated JSON object, so read back as one. */
export const parsePayload = (json: string) => JSON.parse(json) as JsonObject;
