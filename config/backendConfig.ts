/**
 * The server side of SuperTokens: which core to use and which recipes the app runs.
 * API routes and `getServerSideProps` call `ensureSuperTokensInit()` before touching the SDK.
 */
import SuperTokens from "supertokens-node";
import EmailPassword from "supertokens-node/recipe/emailpassword";
import Session from "supertokens-node/recipe/session";
import UserMetadata from "supertokens-node/recipe/usermetadata";
import UserRoles from "supertokens-node/recipe/userroles";
import type { TypeInput } from "supertokens-node/types";
import { appendToOutbox } from "../server/outbox";
import { limitEmailPassword } from "../server/rate-limit/email-password";
import { verifySessionsOrSayCoreIsDown } from "../server/session-verification";
import { appInfo } from "./appInfo";
import { env } from "./env";

export function backendConfig(): TypeInput {
  return {
    // Pages Router API routes get Node's req/res with Next's helpers, which the express adapter handles.
    framework: "express",
    supertokens: {
      connectionURI: env.supertokensConnectionUri,
      apiKey: env.supertokensApiKey,
    },
    appInfo: { ...appInfo, apiDomain: env.apiDomain, websiteDomain: env.websiteDomain },
    recipeList: [
      EmailPassword.init({
        // Failed sign-ins lock the account for a while; sign-ups and reset e-mails are limited.
        override: { apis: limitEmailPassword },
        emailDelivery: {
          // The default delivery posts to SuperTokens' servers; offline, the link goes to the outbox.
          override: (original) => ({
            ...original,
            async sendEmail(input) {
              console.info(
                `Password reset link for ${input.user.email}: ${input.passwordResetLink}`,
              );
              await appendToOutbox({
                to: input.user.email,
                subject: "Reset your password",
                link: input.passwordResetLink,
                sentAt: new Date().toISOString(),
              });
            },
          }),
        },
      }),
      // A token that cannot be verified because the core is down: 503, not a 401 that starts a refresh.
      Session.init({ override: { functions: verifySessionsOrSayCoreIsDown } }),
      // Puts the user's roles and permissions in the access token, for the guards in middleware/guards.ts.
      UserRoles.init(),
      UserMetadata.init(),
    ],
  };
}

let initialised = false;

/** `supertokens.init` must run once per process; every entry point calls this first. */
export function ensureSuperTokensInit(): void {
  if (initialised) return;
  SuperTokens.init(backendConfig());
  initialised = true;
}
