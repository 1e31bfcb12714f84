import Session from "supertokens-node/recipe/session";
import type { RecipeInterface } from "supertokens-node/recipe/session/types";
import { coreIsUp } from "./core-health";
import { coreUnreachable } from "./core-unreachable";

/**
 * The SDK verifies access tokens with the core's signing keys, fetched on first use and cached. A
 * process that has not fetched them yet (started during an outage) cannot verify any token while
 * the core is down, and the SDK then says "try refresh token": a 401 that sends the frontend into
 * refreshing. So when a verification fails, the app asks whether the core answers: if it does not,
 * the failure is the core's and the route answers 503 `auth_unavailable` (middleware/errors.ts).
 * With the core up, a bad or expired token keeps the SDK's 401, as always.
 */
export function verifySessionsOrSayCoreIsDown(original: RecipeInterface): RecipeInterface {
  return {
    ...original,
    async getSession(input) {
      try {
        return await original.getSession(input);
      } catch (error) {
        const mayBeTheCores =
          Session.Error.isErrorFromSuperTokens(error) &&
          error.type === Session.Error.TRY_REFRESH_TOKEN;
        if (mayBeTheCores && !(await coreAnswers())) throw coreUnreachable();
        throw error;
      }
    },
  };
}

// At most one probe a second per process, however many bad tokens arrive: a flood of them must
// not become a flood of requests to the core.
let probe: { at: number; up: Promise<boolean> } | undefined;

function coreAnswers(): Promise<boolean> {
  if (probe === undefined || Date.now() - probe.at > 1_000) {
    probe = { at: Date.now(), up: coreIsUp() };
  }
  return probe.up;
}
