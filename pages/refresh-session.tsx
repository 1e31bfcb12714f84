import Head from "next/head";
import { useRouter } from "next/router";
import { useEffect, useRef, useState } from "react";
import Session from "supertokens-auth-react/recipe/session";
import { Icon } from "@/components/Icon";
import { StateMessage } from "@/components/StateMessage";
import { markRefreshed, refreshDidNotHelp } from "@/lib/hooks/useRefreshLoopGuard";
import ui from "@/styles/ui.module.css";

/** Only same-site paths: `redirectToPath` comes from the URL and must not send users elsewhere. */
function safePath(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//")
    ? value
    : "/";
}

// #region refresh
/**
 * Refreshes the session, then goes back to `path` with a full load so that getServerSideProps
 * sees the new access token. Resolves to "stuck" instead of looping when refreshing did not help.
 */
async function refreshAndReturn(path: string): Promise<"stuck" | "leaving"> {
  // Back here although the last refresh succeeded: the server cannot read the session.
  if (refreshDidNotHelp(path)) return "stuck";
  if (await Session.attemptRefreshingSession()) {
    markRefreshed(path);
    window.location.replace(path);
  } else {
    window.location.replace(`/auth?redirectToPath=${encodeURIComponent(path)}`);
  }
  return "leaving";
}
// #endregion refresh

/** Server-rendered pages send an expired session here: the browser holds the refresh token. */
export default function RefreshSessionPage() {
  const router = useRouter();
  const [stuck, setStuck] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // Once per visit, also under React's strict mode (effects run twice in development).
    if (!router.isReady || started.current) return;
    started.current = true;
    void refreshAndReturn(safePath(router.query.redirectToPath)).then((result) =>
      setStuck(result === "stuck"),
    );
  }, [router.isReady, router.query.redirectToPath]);

  return (
    <>
      <Head>
        <title>Refreshing your session…</title>
      </Head>
      {stuck ? (
        <StateMessage
          tone="error"
          icon={<Icon name="alert" />}
          title="Your session could not be restored"
          action={
            <button
              type="button"
              className={ui.button}
              onClick={() => void Session.signOut().then(() => router.push("/auth"))}
            >
              Sign out and sign in again
            </button>
          }
        >
          The browser refreshed your session, but the server still could not read it.
        </StateMessage>
      ) : (
        <StateMessage icon={<Icon name="refresh" />} title="Refreshing your session…">
          <span role="status">One moment, you will be back where you were.</span>
        </StateMessage>
      )}
    </>
  );
}
