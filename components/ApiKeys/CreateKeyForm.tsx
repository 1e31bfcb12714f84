import { useId, useState, type FormEvent } from "react";
import { apiKeyLimits } from "@/config/limits";
import type { ApiKeyInput, ApiKeyScope } from "@/lib/api/types";
import ui from "@/styles/ui.module.css";
import styles from "./ApiKeys.module.css";
import { expiryChoices, scopeDescriptions } from "./choices";

/** Name, scopes and expiry of a new key. A refused create (toasted) keeps what was chosen. */
export function CreateKeyForm({ onCreate }: { onCreate: (input: ApiKeyInput) => Promise<void> }) {
  const id = useId();
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<ApiKeyScope[]>(["notes:read"]);
  const [expiry, setExpiry] = useState(1);
  const [saving, setSaving] = useState(false);

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setChosen((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    try {
      const expiresInDays = expiryChoices[expiry]?.value ?? null;
      await onCreate({ name: name.trim(), scopes: chosen, expiresInDays });
      setName("");
    } catch {
      // The API client showed why; the form keeps its values.
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit}>
      <div className={styles.fields}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className={ui.input}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={apiKeyLimits.name}
            placeholder="e.g. Nightly backup script"
          />
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor={`${id}-expiry`}>
            Expires after
          </label>
          <select
            id={`${id}-expiry`}
            className={ui.input}
            value={expiry}
            onChange={(e) => setExpiry(Number(e.target.value))}
          >
            {expiryChoices.map((choice, index) => (
              <option key={choice.label} value={index}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className={styles.scopes}>
        <legend className={ui.label}>Scopes</legend>
        {apiKeyLimits.scopes.map((scope) => (
          <label key={scope} className={styles.scope}>
            <input
              type="checkbox"
              checked={chosen.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            <span>
              <code>{scope}</code>
              <span className={ui.muted}>{scopeDescriptions[scope]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div>
        <button
          type="submit"
          className={`${ui.button} ${ui.primary}`}
          disabled={saving || chosen.length === 0}
        >
          {saving ? "Creating…" : "Create key"}
        </button>
      </div>
    </form>
  );
}
