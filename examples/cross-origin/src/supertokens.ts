import SuperTokens from "supertokens-web-js";
import EmailPassword from "supertokens-web-js/recipe/emailpassword";
import Session from "supertokens-web-js/recipe/session";
import type { RecipeEvent } from "supertokens-web-js/recipe/session/types";
import { apiDomain, sessionTransport } from "./config";

/**
 * Starts the SuperTokens web SDK. From here on it wraps `window.fetch` for calls to `apiDomain`:
 * it adds `rid` and `st-auth-mode`, stores the tokens it receives, and on a 401 calls
 * `/api/auth/session/refresh` once and retries, so app code never handles token expiry itself.
 */
export function initSuperTokens(onEvent: (event: RecipeEvent) => void): void {
  SuperTokens.init({
    appInfo: { appName: "Cross-origin example", apiDomain, apiBasePath: "/api/auth" },
    recipeList: [
      EmailPassword.init(),
      Session.init({
        // "header": tokens travel in `Authorization` / `st-access-token` headers and are kept by the
        // SDK on this origin, so no cookie of the API's site is needed (see docs/cross-origin.md).
        tokenTransferMethod: sessionTransport,
        onHandleEvent: onEvent,
      }),
    ],
  });
}
