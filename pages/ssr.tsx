import type { GetServerSideProps } from "next";
import { getSSRSession } from "supertokens-node/nextjs";
import { PageHeader } from "@/components/PageHeader";
import { appInfo } from "@/config/appInfo";
// getServerSideProps runs on the server only, and Next leaves it and its imports out of the page's
// browser bundle: the one place a page may import server code.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { ensureSuperTokensInit } from "@/config/backendConfig";
import { useClearRefreshMark } from "@/lib/hooks/useRefreshLoopGuard";
import ui from "@/styles/ui.module.css";

type Props = {
  userId: string;
  sessionHandle: string;
  roles: string[];
  expiresAt: number;
  renderedAt: string;
};

// #region get-server-side-props
/**
 * Rendered on the server for signed-in users only, following SuperTokens' SSR guidance:
 * `getSSRSession` verifies the access token cookie (a JWT, checked against the core's keys) and
 * never refreshes or writes cookies. `getSession` must not be used here: it can rotate tokens in a
 * response the browser never applies (supertokens/docs#804).
 */
export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res, resolvedUrl }) => {
  ensureSuperTokensInit();
  const cookies = Object.entries(req.cookies).map(([name, value]) => ({
    name,
    value: value ?? "",
  }));
  const { accessTokenPayload, hasToken, error } = await getSSRSession(cookies);
  if (error) throw error;

  if (!accessTokenPayload) {
    const back = encodeURIComponent(resolvedUrl);
    // A token that no longer verifies (usually expired) is refreshed in the browser, which holds
    // the refresh token; with no session at all, straight to sign-in. Never /auth for an expired
    // token: /auth would see a session and send the user back here, a redirect loop.
    const signedIn = hasToken || req.cookies.sFrontToken !== undefined;
    const destination = signedIn
      ? `/refresh-session?redirectToPath=${back}`
      : `${appInfo.websiteBasePath}?redirectToPath=${back}`;
    return { redirect: { destination, permanent: false } };
  }

  // Per-user HTML: no shared cache may keep it.
  res.setHeader("Cache-Control", "private, no-store");
  const roles = accessTokenPayload["st-role"] as { v?: unknown } | undefined;
  return {
    props: {
      userId: String(accessTokenPayload.sub),
      sessionHandle: String(accessTokenPayload.sessionHandle),
      roles: Array.isArray(roles?.v) ? roles.v.map(String) : [],
      expiresAt: Number(accessTokenPayload.exp) * 1000,
      renderedAt: new Date().toISOString(),
    },
  };
};
// #endregion get-server-side-props

export default function ServerRenderedPage({
  userId,
  sessionHandle,
  roles,
  expiresAt,
  renderedAt,
}: Props) {
  useClearRefreshMark();
  return (
    <>
      <PageHeader
        title="Server-rendered"
        description="This HTML was built by getServerSideProps after verifying your access token."
      />
      <section className={ui.card} aria-labelledby="ssr-session">
        <h2 id="ssr-session" className={ui.cardTitle} style={{ marginBottom: 14 }}>
          Session seen by the server
        </h2>
        <dl className={ui.dl}>
          <dt>User id</dt>
          <dd>
            <code data-testid="ssr-user-id">{userId}</code>
          </dd>
          <dt>Session handle</dt>
          <dd>
            <code>{sessionHandle}</code>
          </dd>
          <dt>Roles</dt>
          <dd>{roles.length > 0 ? roles.join(", ") : "none"}</dd>
          <dt>Token valid until</dt>
          <dd>
            <time dateTime={new Date(expiresAt).toISOString()}>
              {new Date(expiresAt).toISOString().slice(11, 19)} UTC
            </time>
          </dd>
          <dt>Rendered at</dt>
          <dd>
            <time dateTime={renderedAt}>{renderedAt.slice(11, 19)} UTC</time>
          </dd>
        </dl>
        <p className={ui.muted} style={{ marginTop: 16 }}>
          Reload once the token has expired: the server sends you to <code>/refresh-session</code>,
          the browser refreshes the session there, and you land back here.
        </p>
      </section>
    </>
  );
}
