import dynamic from "next/dynamic";
import Head from "next/head";
import { useEffect } from "react";
import { redirectToAuth } from "supertokens-auth-react";
import { canHandleRoute, getRoutingComponent } from "supertokens-auth-react/ui";
import { EmailPasswordPreBuiltUI } from "supertokens-auth-react/recipe/emailpassword/prebuiltui";
import { AuthOverrides } from "@/components/AuthOverrides";
import { productName } from "@/config/frontendConfig";
import styles from "@/styles/auth.module.css";

const preBuiltUIs = [EmailPasswordPreBuiltUI];

// The prebuilt UI reads the URL and the session cookies: it only renders in the browser.
const AuthRoutes = dynamic(() => Promise.resolve(() => getRoutingComponent(preBuiltUIs)), {
  ssr: false,
  loading: () => <div className={styles.placeholder} aria-busy="true" />,
});

/**
 * SuperTokens' sign-in, sign-up and password-reset screens (`/auth`, `/auth/reset-password`).
 * Protected pages send visitors here with `?redirectToPath=<page>`; after signing in they go back.
 */
export default function AuthPage() {
  useEffect(() => {
    // A path under /auth that the SDK does not know (e.g. /auth/typo) shows the sign-in screen.
    if (!canHandleRoute(preBuiltUIs)) void redirectToAuth({ redirectBack: false });
  }, []);

  return (
    <div className={styles.page}>
      <Head>
        <title>{`Sign in · ${productName}`}</title>
      </Head>
      <h1 className="visually-hidden">Sign in or create an account</h1>
      <AuthOverrides>
        <AuthRoutes />
      </AuthOverrides>
    </div>
  );
}
