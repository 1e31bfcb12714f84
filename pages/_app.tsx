import type { AppProps } from "next/app";
import Head from "next/head";
import SuperTokens from "supertokens-auth-react";
import { SessionAuth } from "supertokens-auth-react/recipe/session";
import { SWRConfig } from "swr";
import { Layout } from "@/components/Layout";
import { toast, Toaster } from "@/components/Toaster";
import { frontendConfig } from "@/config/frontendConfig";
import { api } from "@/lib/api";
import { redirectToSignInOnUnauthorised, toastOnError } from "@/lib/api/interceptors";
import { swrConfig } from "@/lib/hooks/swrConfig";
import "@/styles/globals.css";

// Once per browser tab, before anything renders: the SDK patches fetch here, and the API client
// learns what to do with errors that pages do not handle themselves.
if (typeof window !== "undefined") {
  SuperTokens.init(frontendConfig());
  api.onError(redirectToSignInOnUnauthorised);
  api.onError(toastOnError(toast));
}

export default function App({ Component, pageProps }: AppProps) {
  // This is what SuperTokensWrapper renders. Taken from the session recipe so that the session
  // context and useSessionContext() come from one module on the server: Next externalises the
  // package root but bundles its subpaths, which would give two contexts and a server error.
  return (
    <SessionAuth requireAuth={false} doRedirection={false}>
      <SWRConfig value={swrConfig}>
        <Head>
          <meta name="viewport" content="width=device-width, initial-scale=1" />
        </Head>
        <Layout>
          <Component {...pageProps} />
        </Layout>
        <Toaster />
      </SWRConfig>
    </SessionAuth>
  );
}
