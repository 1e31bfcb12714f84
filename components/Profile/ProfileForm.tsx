import { useId, useState, type FormEvent } from "react";
import { toast } from "@/components/Toaster";
import { profileLimits } from "@/config/limits";
import type { Profile } from "@/lib/api/types";
import ui from "@/styles/ui.module.css";

/** Edits the first and last name (PATCH /api/me; the list shows the change at once). */
export function ProfileForm({
  profile,
  onSave,
}: {
  profile: Profile;
  onSave: (profile: Profile) => Promise<void>;
}) {
  const id = useId();
  const [firstName, setFirstName] = useState(profile.firstName ?? "");
  const [lastName, setLastName] = useState(profile.lastName ?? "");
  const [saving, setSaving] = useState(false);
  const unchanged =
    firstName === (profile.firstName ?? "") && lastName === (profile.lastName ?? "");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    try {
      await onSave({ firstName: firstName.trim(), lastName: lastName.trim() });
      toast({ kind: "success", title: "Profile saved" });
    } catch {
      // Rolled back; the API client showed why.
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit}>
      <div
        className={ui.grid}
        style={{ gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))" }}
      >
        <div className={ui.field}>
          <label className={ui.label} htmlFor={`${id}-first`}>
            First name
          </label>
          <input
            id={`${id}-first`}
            className={ui.input}
            value={firstName}
            onChange={(e) => setFirstName(e.target.value)}
            maxLength={profileLimits.name}
            autoComplete="given-name"
          />
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor={`${id}-last`}>
            Last name
          </label>
          <input
            id={`${id}-last`}
            className={ui.input}
            value={lastName}
            onChange={(e) => setLastName(e.target.value)}
            maxLength={profileLimits.name}
            autoComplete="family-name"
          />
        </div>
      </div>
      <div>
        <button
          type="submit"
          className={`${ui.button} ${ui.primary}`}
          disabled={saving || unchanged}
        >
          {saving ? "Saving…" : "Save name"}
        </button>
      </div>
    </form>
  );
}
