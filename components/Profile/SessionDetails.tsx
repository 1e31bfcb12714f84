import { useState } from "react";
import useSWR from "swr";
import { api, ApiError } from "@/lib/api";
import type { ExternalToken, SessionInfo } from "@/lib/api/types";
import ui from "@/styles/ui.module.css";

type Check = { label: string; result?: string; ok?: boolean };

/**
 * The session as the API sees it (GET /api/user), and buttons for the other session routes:
 * a check against the database, a token for an external service, and a route hidden as 404.
 */
export function SessionDetails() {
  const { data: session } = useSWR<SessionInfo>("/user");
  const [check, setCheck] = useState<Check>();
  const expiry = session?.accessTokenPayload.exp;

  async function run(label: string, call: () => Promise<string>) {
    setCheck({ label });
    try {
      setCheck({ label, result: await call(), ok: true });
    } catch (error) {
      setCheck({ label, result: error instanceof ApiError ? error.message : "Failed", ok: false });
    }
  }

  return (
    <div className={ui.stack}>
      <dl className={ui.dl}>
        <dt>User id</dt>
        <dd>
          <code>{session?.userId ?? "…"}</code>
        </dd>
        <dt>Session handle</dt>
        <dd>
          <code>{session?.sessionHandle ?? "…"}</code>
        </dd>
        <dt>Access token expires</dt>
        <dd>{typeof expiry === "number" ? new Date(expiry * 1000).toLocaleTimeString() : "…"}</dd>
      </dl>
      <div className={ui.row}>
        <button
          type="button"
          className={`${ui.button} ${ui.small}`}
          onClick={() =>
            run("Database check", async () => {
              const strict = await api.get<SessionInfo>("/user/strict");
              return `Session ${strict.sessionHandle.slice(0, 8)}… is still active in the core.`;
            })
          }
        >
          Verify against the database
        </button>
        <button
          type="button"
          className={`${ui.button} ${ui.small}`}
          onClick={() =>
            run("Token for an external service", async () => {
              const { token, expiresAt } = await api.get<ExternalToken>("/token");
              return `${token.slice(0, 32)}… (expires ${new Date(expiresAt).toLocaleTimeString()})`;
            })
          }
        >
          Get an external token
        </button>
        <button
          type="button"
          className={`${ui.button} ${ui.small}`}
          onClick={() =>
            run("Hidden route", async () => {
              await api.get("/hidden", { handledStatuses: [404] });
              return "Visible to you; anonymous callers get 404.";
            })
          }
        >
          Call the hidden route
        </button>
      </div>
      <p className={ui.muted} role="status" aria-live="polite">
        {check ? (
          <>
            <strong>{check.label}:</strong>{" "}
            {check.result === undefined ? "…" : <span data-ok={check.ok}>{check.result}</span>}
          </>
        ) : null}
      </p>
    </div>
  );
}
