import { useState } from "react";
import ui from "@/styles/ui.module.css";
import styles from "./ApiKeys.module.css";

/** The secret of a key just created. It is shown here once: the server keeps only its hash. */
export function NewKey({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. a non-secure origin): the key stays selectable by hand.
      setCopied(false);
    }
  }

  return (
    <section className={`${ui.card} ${styles.newKey}`} aria-labelledby="new-key">
      <h2 id="new-key" className={ui.cardTitle}>
        Copy your new key now
      </h2>
      <p className={ui.muted}>
        This is the only time it is shown. Keep it in your script&apos;s secrets, never in a browser
        or in code you share.
      </p>
      <div className={styles.secretRow}>
        <code className={styles.secret} data-testid="new-api-key">
          {secret}
        </code>
        <button type="button" className={`${ui.button} ${ui.primary}`} onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <div>
        <button type="button" className={`${ui.button} ${ui.small}`} onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
