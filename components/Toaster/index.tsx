import { useSyncExternalStore } from "react";
import styles from "./Toaster.module.css";
import { dismissToast, getServerToasts, getToasts, subscribe } from "./store";

export { toast } from "./store";

/** Renders the toasts; the live region is always in the page so screen readers announce them. */
export function Toaster() {
  const toasts = useSyncExternalStore(subscribe, getToasts, getServerToasts);
  return (
    <div className={styles.region} role="region" aria-label="Notifications">
      <ol className={styles.list} aria-live="polite">
        {toasts.map((t) => (
          <li
            key={t.id}
            className={`${styles.toast} ${styles[t.kind]}`}
            role={t.kind === "error" ? "alert" : "status"}
          >
            <div className={styles.text}>
              <p className={styles.title}>{t.title}</p>
              {t.message ? <p className={styles.message}>{t.message}</p> : null}
            </div>
            <button
              type="button"
              className={styles.close}
              onClick={() => dismissToast(t.id)}
              aria-label="Dismiss notification"
            >
              ×
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
