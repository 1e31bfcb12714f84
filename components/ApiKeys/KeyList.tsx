import { useState } from "react";
import type { ApiKey } from "@/lib/api/types";
import table from "@/styles/table.module.css";
import ui from "@/styles/ui.module.css";
import styles from "./ApiKeys.module.css";

const date = (iso: string | null, none: string) =>
  iso === null ? none : new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });

/** The user's keys, without secrets. Revoking asks once more: a script using the key stops. */
export function KeyList({
  apiKeys,
  onRevoke,
}: {
  apiKeys: ApiKey[];
  onRevoke: (key: ApiKey) => Promise<void>;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  // When the list was first shown: enough to mark keys that had expired by then.
  const [now] = useState(Date.now);

  return (
    <div className={`${ui.card} ${table.wrap}`}>
      <table className={table.table}>
        <caption className="visually-hidden">API keys</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {apiKeys.map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>
                <span className={ui.row}>
                  {key.scopes.map((scope) => (
                    <span key={scope} className={`${ui.badge} ${ui.badgeAccent}`}>
                      {scope}
                    </span>
                  ))}
                </span>
              </td>
              <td className={`${ui.muted} ${styles.date}`}>{date(key.createdAt, "")}</td>
              <td className={`${ui.muted} ${styles.date}`}>{date(key.lastUsedAt, "Never")}</td>
              <td className={`${ui.muted} ${styles.date}`}>
                {key.expiresAt !== null && Date.parse(key.expiresAt) <= now ? (
                  <span className={ui.badge}>Expired</span>
                ) : (
                  date(key.expiresAt, "Never")
                )}
              </td>
              <td>
                {confirming === key.id ? (
                  <span className={ui.row}>
                    <button
                      type="button"
                      className={`${ui.button} ${ui.small} ${ui.danger}`}
                      onClick={() => onRevoke(key).catch(() => setConfirming(null))}
                    >
                      Revoke now
                    </button>
                    <button
                      type="button"
                      className={`${ui.button} ${ui.small}`}
                      onClick={() => setConfirming(null)}
                    >
                      Keep
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className={`${ui.button} ${ui.small} ${ui.danger}`}
                    aria-label={`Revoke “${key.name}”`}
                    onClick={() => setConfirming(key.id)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
