import { redirectToAuth } from "supertokens-auth-react";
import { appInfo } from "@/config/appInfo";
import type { ErrorInterceptor } from "./client";

/**
 * The SDK has already tried to refresh the session when a 401 gets here, so the session is gone:
 * send the user to sign in, and back here afterwards (`/auth?redirectToPath=<this page>`).
 */
export const redirectToSignInOnUnauthorised: ErrorInterceptor = (error) => {
  // SessionAuth may have redirected already (it hears the SDK's UNAUTHORISED event); a second
  // redirect from /auth would make /auth its own return path.
  if (error.status !== 401 || window.location.pathname.startsWith(appInfo.websiteBasePath)) return;
  void redirectToAuth({ redirectBack: true });
};

type Notify = (toast: { kind: "error"; title: string; message: string }) => void;

/** Shows a toast for every error the page did not say it handles itself. */
export function toastOnError(notify: Notify): ErrorInterceptor {
  return (error) => {
    if (error.status === 401) return;
    const title =
      error.status === 403
        ? "Not allowed"
        : error.status === 429
          ? "Please wait" // the message says how long
          : error.status === 0 || error.status >= 500
            ? "Something went wrong"
            : "Request failed";
    notify({ kind: "error", title, message: error.message });
  };
}
