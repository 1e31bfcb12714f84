import Router from "next/router";
import type { SuperTokensConfig } from "supertokens-auth-react";
import EmailPassword from "supertokens-auth-react/recipe/emailpassword";
import Session from "supertokens-auth-react/recipe/session";
import { withFormMessages } from "@/lib/api/form-messages";
import { forgetUserData } from "@/lib/hooks/forgetUserData";
import { appInfo } from "./appInfo";
import { publicEnv } from "./publicEnv";

/** The product's name in the UI. */
export const productName = "Notebook";

// Matches the app's look (styles/globals.css); the prebuilt UI lives in a shadow root, so it
// gets its own copy of the palette and the system font stack.
const authStyle = `
  [data-supertokens~=container] {
    --palette-primary: 79, 70, 229;
    --palette-primaryBorder: 67, 56, 202;
    --palette-textLink: 79, 70, 229;
    --palette-error: 197, 43, 59;
    --palette-errorBackground: 253, 236, 238;
    --palette-inputBorder: 227, 230, 235;
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
    border-radius: 12px;
    box-shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 8%);
    border: 1px solid rgb(227, 230, 235);
    margin-top: 8px;
  }
  [data-supertokens~=button], [data-supertokens~=linkButton] {
    font-family: inherit;
    border-radius: 8px;
    height: 40px;
  }
  [data-supertokens~=input] { border-radius: 8px; }
  @media (prefers-color-scheme: dark) {
    [data-supertokens~=container] {
      --palette-background: 23, 26, 33;
      --palette-inputBackground: 31, 35, 44;
      --palette-inputBorder: 42, 47, 58;
      --palette-primary: 129, 140, 248;
      --palette-primaryBorder: 129, 140, 248;
      --palette-buttonText: 15, 17, 21;
      --palette-textTitle: 232, 234, 238;
      --palette-textLabel: 232, 234, 238;
      --palette-textInput: 232, 234, 238;
      --palette-textPrimary: 154, 163, 178;
      --palette-textGray: 154, 163, 178;
      --palette-textLink: 165, 180, 252;
      --palette-superTokensBrandingBackground: 31, 35, 44;
      --palette-superTokensBrandingText: 154, 163, 178;
      border-color: rgb(42, 47, 58);
    }
    [data-supertokens~=divider] { border-bottom-color: rgb(42, 47, 58); }
  }
`;

/**
 * Browser-side SuperTokens settings. The API and the website default to the page's own origin,
 * so one build runs on any port; NEXT_PUBLIC_* (inlined at build time) point it elsewhere.
 */
export function frontendConfig(): SuperTokensConfig {
  const origin = window.location.origin;
  return {
    appInfo: {
      ...appInfo,
      apiDomain: publicEnv.apiDomain ?? origin,
      websiteDomain: publicEnv.websiteDomain ?? origin,
    },
    style: authStyle,
    languageTranslations: {
      translations: {
        en: {
          // Said when a reset link was used already or is too old; components/AuthOverrides adds
          // the way out, a link to request a new one.
          EMAIL_PASSWORD_RESET_PASSWORD_INVALID_TOKEN_ERROR:
            "This reset link was already used or has expired.",
        },
      },
    },
    recipeList: [
      EmailPassword.init({
        override: {
          functions: (original) => ({
            ...original,
            signIn: withFormMessages(original.signIn.bind(original)),
            signUp: withFormMessages(original.signUp.bind(original)),
            sendPasswordResetEmail: withFormMessages(
              original.sendPasswordResetEmail.bind(original),
            ),
          }),
        },
      }),
      Session.init({
        onHandleEvent(event) {
          if (["SESSION_CREATED", "SIGN_OUT", "UNAUTHORISED"].includes(event.action)) {
            forgetUserData();
          }
        },
      }),
    ],
    async getRedirectionURL(context) {
      if (context.action === "SUCCESS" && context.newSessionCreated) {
        return context.redirectToPath ?? "/dashboard";
      }
      return undefined;
    },
    // Client-side navigation instead of full page loads when the SDK redirects.
    windowHandler: (original) => ({
      ...original,
      location: {
        ...original.location,
        setHref: (href) => {
          void Router.push(href);
        },
      },
    }),
  };
}
