import type { ReactNode } from "react";
import styles from "./StateMessage.module.css";

/** An empty, error or access-denied state: an icon, a title, a sentence and maybe an action. */
export function StateMessage({
  tone = "neutral",
  icon,
  title,
  children,
  action,
}: {
  tone?: "neutral" | "error" | "warning";
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section
      className={`${styles.box} ${styles[tone]}`}
      role={tone === "error" ? "alert" : undefined}
    >
      <div className={styles.icon} aria-hidden="true">
        {icon}
      </div>
      <h2 className={styles.title}>{title}</h2>
      {children ? <div className={styles.body}>{children}</div> : null}
      {action ? <div className={styles.action}>{action}</div> : null}
    </section>
  );
}
