import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { EmailPasswordComponentsOverrideProvider } from "supertokens-auth-react/recipe/emailpassword";

type OverrideMap = ComponentProps<typeof EmailPasswordComponentsOverrideProvider>["components"];

/** The key of the prebuilt form's error for a used or expired link (text: config/frontendConfig.ts). */
const INVALID_RESET_LINK = "EMAIL_PASSWORD_RESET_PASSWORD_INVALID_TOKEN_ERROR";

/**
 * Changes to SuperTokens' prebuilt screens, for the `/auth` page. A used or expired reset link
 * otherwise ends on an error with nothing to do next: under the form it offers a new link, which
 * `/auth/reset-password` (no token) asks for by e-mail.
 */
const components: OverrideMap = {
  EmailPasswordSubmitNewPassword_Override: ({ DefaultComponent, ...props }) => {
    // `footer` is rendered under the form's button by the theme (FormBase), though its props type
    // does not list it. The prebuilt UI lives in a shadow root: its own `data-supertokens` styles.
    const footer =
      props.error === INVALID_RESET_LINK ? (
        <p data-supertokens="secondaryText">
          <Link data-supertokens="link" href="/auth/reset-password">
            Request a new link
          </Link>
        </p>
      ) : undefined;
    return <DefaultComponent {...props} {...{ footer }} />;
  },
};

export function AuthOverrides({ children }: { children: ReactNode }) {
  return (
    <EmailPasswordComponentsOverrideProvider components={components}>
      {children}
    </EmailPasswordComponentsOverrideProvider>
  );
}
