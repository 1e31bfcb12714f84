import Link from "next/link";
import { useSessionContext } from "supertokens-auth-react/recipe/session";
import { Icon, type IconName } from "@/components/Icon";
import { PageHeader } from "@/components/PageHeader";
import { useGreeting } from "@/lib/hooks/useGreeting";
import { useMe } from "@/lib/hooks/useMe";
import styles from "@/styles/home.module.css";
import ui from "@/styles/ui.module.css";

const tour: { href: string; icon: IconName; title: string; text: string; route: string }[] = [
  {
    href: "/auth",
    icon: "lock",
    title: "Sign in",
    text: "Sign up, sign in and reset a password with SuperTokens' prebuilt UI.",
    route: "/api/auth/*",
  },
  {
    href: "/dashboard",
    icon: "note",
    title: "Notes",
    text: "Create, edit and delete notes that only you can read.",
    route: "/api/notes",
  },
  {
    href: "/profile",
    icon: "user",
    title: "Profile",
    text: "Your account, your name, and your session as the API sees it.",
    route: "/api/me",
  },
  {
    href: "/admin",
    icon: "shield",
    title: "Admin",
    text: "All users. Needs the admin role; others see why not.",
    route: "/api/admin/users",
  },
  {
    href: "/premium",
    icon: "star",
    title: "Premium",
    text: "A paid feature, guarded by the premium:read permission.",
    route: "/api/premium/insights",
  },
  {
    href: "/ssr",
    icon: "server",
    title: "Server-rendered",
    text: "A page whose HTML is built only after the server verified your session.",
    route: "getServerSideProps",
  },
];

export default function HomePage() {
  return (
    <>
      <PageHeader
        title="Notes, with every API route protected"
        description="A Next.js reference app: each pages/api route runs a next-connect chain of CORS, SuperTokens verifySession and a typed handler."
      />
      <SessionStatus />
      <h2 className={styles.sectionTitle}>Take the tour</h2>
      <ul className={styles.tour}>
        {tour.map((item) => (
          <li key={item.href}>
            {/* Protected pages: a prefetch would only load a redirect for signed-out visitors. */}
            <Link href={item.href} prefetch={false} className={`${ui.card} ${styles.tourCard}`}>
              <span className={styles.tourIcon}>
                <Icon name={item.icon} />
              </span>
              <span className={styles.tourTitle}>{item.title}</span>
              <span className={ui.muted}>{item.text}</span>
              <code className={styles.route}>{item.route}</code>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Signed in or not: the box keeps its height while the session resolves. */
function SessionStatus() {
  const session = useSessionContext();
  const signedIn = !session.loading && session.doesSessionExist;
  const { me } = useMe({ enabled: signedIn });
  const greeting = useGreeting({ enabled: !session.loading });

  return (
    <section
      className={`${ui.card} ${styles.status}`}
      aria-live="polite"
      aria-busy={session.loading}
    >
      <div className={styles.statusText}>
        {session.loading ? (
          <>
            <span className={ui.skeleton} style={{ width: 220, height: 22 }} />
            <span className={ui.skeleton} style={{ width: 320, height: 16, marginTop: 10 }} />
          </>
        ) : signedIn ? (
          <>
            <p className={styles.statusTitle} data-testid="home-status">
              <span className={`${ui.badge} ${ui.badgeSuccess}`}>Signed in</span>
              {me ? me.emails[0] : null}
            </p>
            <p className={ui.muted}>{greeting?.message ?? "\u00a0"}</p>
          </>
        ) : (
          <>
            <p className={styles.statusTitle} data-testid="home-status">
              <span className={ui.badge}>Not signed in</span>
            </p>
            <p className={ui.muted}>{greeting?.message ?? "\u00a0"}</p>
          </>
        )}
      </div>
      <div className={ui.row}>
        {session.loading ? null : signedIn ? (
          <Link href="/dashboard" prefetch={false} className={`${ui.button} ${ui.primary}`}>
            Open your notes
          </Link>
        ) : (
          <>
            <Link href="/auth?show=signup" className={`${ui.button} ${ui.primary}`}>
              Create an account
            </Link>
            <Link href="/auth" className={ui.button}>
              Sign in
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
