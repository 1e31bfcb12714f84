import Link from "next/link";
import { useRouter } from "next/router";
import { useState } from "react";
import { signOut, useSessionContext } from "supertokens-auth-react/recipe/session";
import { useMe } from "@/lib/hooks/useMe";
import { forgetNoteDrafts } from "@/lib/hooks/useNoteDraft";
import ui from "@/styles/ui.module.css";
import styles from "./Layout.module.css";

/**
 * Who is signed in, and the sign-out button. Its box has a fixed size while the session
 * resolves, so the header does not jump when it appears.
 */
export function SessionMenu() {
  const session = useSessionContext();
  const signedIn = !session.loading && session.doesSessionExist;
  const { me } = useMe({ enabled: signedIn });
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);

  async function onSignOut() {
    setSigningOut(true);
    try {
      await signOut();
      forgetNoteDrafts();
      await router.push("/");
    } finally {
      setSigningOut(false);
    }
  }

  if (session.loading) {
    return <div className={styles.session} aria-hidden="true" />;
  }

  if (!signedIn) {
    return (
      <div className={styles.session}>
        <Link href="/auth" className={`${ui.button} ${ui.primary} ${ui.small}`}>
          Sign in
        </Link>
      </div>
    );
  }

  return (
    <div className={styles.session}>
      <span className={styles.who} title={me?.emails[0]} data-testid="session-email">
        {me?.emails[0] ?? "Signed in"}
      </span>
      <button
        type="button"
        className={`${ui.button} ${ui.small}`}
        onClick={onSignOut}
        disabled={signingOut}
      >
        Sign out
      </button>
    </div>
  );
}
