import Link from "next/link";
import { useRouter } from "next/router";
import type { ReactNode } from "react";
import { productName } from "@/config/frontendConfig";
import { HealthBadge } from "./HealthBadge";
import styles from "./Layout.module.css";
import { SessionMenu } from "./SessionMenu";

const links = [
  { href: "/", label: "Home", protected: false },
  { href: "/dashboard", label: "Notes", protected: true },
  { href: "/profile", label: "Profile", protected: true },
  { href: "/keys", label: "API keys", protected: true },
  { href: "/admin", label: "Admin", protected: true },
  { href: "/premium", label: "Premium", protected: true },
  { href: "/ssr", label: "Server-rendered", protected: true },
];

/** The frame of every page: skip link, navigation, session menu (with sign-out), footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useRouter();
  return (
    <div className={styles.shell}>
      <a className={styles.skip} href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Link href="/" className={styles.brand}>
            <span className={styles.logo} aria-hidden="true">
              N
            </span>
            {productName}
          </Link>
          <nav className={styles.nav} aria-label="Main">
            {links.map((link) => (
              <Link
                key={link.href}
                href={link.href}
                // Prefetching a protected page for a signed-out visitor would only fetch a redirect.
                prefetch={link.protected ? false : undefined}
                className={styles.navLink}
                aria-current={pathname === link.href ? "page" : undefined}
              >
                {link.label}
              </Link>
            ))}
          </nav>
          <SessionMenu />
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
      <footer className={styles.footer}>
        <span>{productName} · a Next.js reference for protected API routes with SuperTokens</span>
        <HealthBadge />
      </footer>
    </div>
  );
}
