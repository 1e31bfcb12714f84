import { useState } from "react";
import type { Note, NoteInput } from "@/lib/api/types";
import { isPending } from "@/lib/hooks/useNotes";
import ui from "@/styles/ui.module.css";
import { NoteForm } from "./NoteForm";
import styles from "./Notes.module.css";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** One note: read view with Edit and Delete, or the edit form. */
export function NoteItem({
  note,
  onUpdate,
  onDelete,
}: {
  note: Note;
  onUpdate: (note: Note, input: NoteInput) => Promise<void>;
  onDelete: (note: Note) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const pending = isPending(note);

  if (editing) {
    return (
      <li className={styles.item}>
        <NoteForm
          initial={{ title: note.title, body: note.body }}
          submitLabel="Save"
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            setEditing(false);
            await onUpdate(note, input);
          }}
        />
      </li>
    );
  }

  return (
    <li className={styles.item} aria-busy={pending} data-pending={pending || undefined}>
      <article aria-labelledby={`note-${note.id}`}>
        <h3 id={`note-${note.id}`} className={styles.noteTitle}>
          {note.title}
        </h3>
        <p className={styles.noteBody}>{note.body}</p>
        <div className={styles.noteFooter}>
          <span className={ui.muted}>
            {pending ? "Saving…" : `Updated ${dateFormat.format(new Date(note.updatedAt))}`}
          </span>
          <div className={ui.row}>
            <button
              type="button"
              className={`${ui.button} ${ui.small}`}
              onClick={() => setEditing(true)}
              disabled={pending}
              aria-label={`Edit “${note.title}”`}
            >
              Edit
            </button>
            <button
              type="button"
              className={`${ui.button} ${ui.small} ${ui.danger}`}
              onClick={() => void onDelete(note).catch(() => undefined)}
              disabled={pending}
              aria-label={`Delete “${note.title}”`}
            >
              Delete
            </button>
          </div>
        </div>
      </article>
    </li>
  );
}
