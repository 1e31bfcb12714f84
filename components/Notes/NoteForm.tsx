import { useId, useState, type FormEvent } from "react";
import { noteLimits } from "@/config/limits";
import type { NoteInput } from "@/lib/api/types";
import ui from "@/styles/ui.module.css";
import styles from "./Notes.module.css";

/**
 * Title + body form, for a new note and for editing one. It clears only after the save succeeded,
 * so a refused save (shown in a toast) keeps what the user typed.
 */
export function NoteForm({
  initial = { title: "", body: "" },
  submitLabel,
  onSubmit,
  onCancel,
  resetOnSave = false,
  autoFocus = false,
  onEdit,
}: {
  initial?: NoteInput;
  submitLabel: string;
  onSubmit: (input: NoteInput) => Promise<void>;
  onCancel?: () => void;
  resetOnSave?: boolean;
  autoFocus?: boolean;
  /** Every keystroke's text (not the clearing on submit): for keeping a draft. */
  onEdit?: (input: NoteInput) => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { title: title.trim(), body: body.trim() };
    if (resetOnSave) {
      setTitle("");
      setBody("");
    }
    setSaving(true);
    try {
      await onSubmit(input);
    } catch {
      // The client already toasted the reason; give the text back to edit.
      setTitle(input.title);
      setBody(input.body);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      onKeyDown={(e) => e.key === "Escape" && onCancel?.()}
    >
      <div className={ui.field}>
        <label className={ui.label} htmlFor={`${id}-title`}>
          Title
        </label>
        <input
          id={`${id}-title`}
          className={ui.input}
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            onEdit?.({ title: e.target.value, body });
          }}
          required
          maxLength={noteLimits.title}
          autoFocus={autoFocus}
          placeholder="What is it about?"
        />
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor={`${id}-body`}>
          Note
        </label>
        <textarea
          id={`${id}-body`}
          className={ui.input}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            onEdit?.({ title, body: e.target.value });
          }}
          required
          maxLength={noteLimits.body}
          placeholder="Write something…"
        />
      </div>
      <div className={ui.row}>
        {/* A form that clears on submit (the note shows at once) stays usable while saving. */}
        <button
          type="submit"
          className={`${ui.button} ${ui.primary}`}
          disabled={saving && !resetOnSave}
        >
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className={ui.button} onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
