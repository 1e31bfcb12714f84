import type { AppProps } from "next/app";
import Head from "next/head";
import SuperTokens, { SuperTokensWrapper } from "supertokens-auth-react";
import { SWRConfig } from "swr";
import { ErrorBoundary } from "@/components/ErrorBoundary";
import { Layout } from "@/components/Layout";
import { toast, Toaster } from "@/components/Toaster";
import { frontendConfig } from "@/config/frontendConfig";
import { api } from "@/lib/api";
import { redirectToSignInOnUnauthorised, toastOnError } from "@/lib/api/interceptors";
import { swrConfig } from "@/lib/hooks/swrConfig";
import "@/styles/globals.css";

// #region init
// Once per browser tab, before anything renders: the SDK patches fetch here, and the API client
// learns what to do with errors that pages do not handle themselves.
if (typeof window !== "undefined") {
  SuperTokens.init(frontendConfig());
  api.onError(redirectToSignInOnUnauthorised);
  api.onError(toastOnError(toast));
}
// #endregion init

export default function App({ Component, pageProps, router }: AppProps) {
  return (
    <SuperTokensWrapper>
      <SWRConfig value={swrConfig}>
        <Head>
          <meta name="viewport" content="width=device-width, initial-scale=1" />
        </Head>
        <Layout>
          <ErrorBoundary resetKey={router.asPath}>
            <Component {...pageProps} />
          </ErrorBoundary>
        </Layout>
        <Toaster />
      </SWRConfig>
    </SuperTokensWrapper>
  );
}
