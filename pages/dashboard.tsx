import type { ReactNode } from "react";
import { Icon } from "@/components/Icon";
import { NoteForm } from "@/components/Notes/NoteForm";
import { NoteItem } from "@/components/Notes/NoteItem";
import { NotesSkeleton } from "@/components/Notes/NotesSkeleton";
import styles from "@/components/Notes/Notes.module.css";
import { PageHeader } from "@/components/PageHeader";
import { RequireSession } from "@/components/RequireSession";
import { StateMessage } from "@/components/StateMessage";
import { useNoteDraft } from "@/lib/hooks/useNoteDraft";
import { useNotes } from "@/lib/hooks/useNotes";
import ui from "@/styles/ui.module.css";

export default function DashboardPage() {
  return (
    <>
      <PageHeader
        title="Your notes"
        description="Only you can see these: every call to /api/notes goes through verifySession."
      />
      <RequireSession placeholder={<NotesLayout list={<NotesSkeleton />} />}>
        <Notes />
      </RequireSession>
    </>
  );
}

function Notes() {
  const { notes, error, isLoading, hasMore, isValidating, loadMore, retry, ...actions } =
    useNotes();
  const draft = useNoteDraft();

  let list;
  if (isLoading) {
    list = <NotesSkeleton />;
  } else if (error && notes.length === 0) {
    list = (
      <StateMessage
        tone="error"
        icon={<Icon name="alert" />}
        title="Your notes could not be loaded"
        action={
          <button type="button" className={ui.button} onClick={() => void retry()}>
            Try again
          </button>
        }
      >
        {error instanceof Error ? error.message : "Something went wrong."}
      </StateMessage>
    );
  } else if (notes.length === 0) {
    list = (
      <StateMessage icon={<Icon name="note" />} title="No notes yet">
        Write your first note with the form. It is saved to the app&rsquo;s database through a
        protected API route.
      </StateMessage>
    );
  } else {
    list = (
      <>
        <ul className={styles.list} aria-label="Notes">
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              onUpdate={actions.updateNote}
              onDelete={actions.deleteNote}
            />
          ))}
        </ul>
        {hasMore ? (
          <div className={styles.more}>
            <button
              type="button"
              className={ui.button}
              onClick={() => void loadMore()}
              disabled={isValidating}
            >
              Load more
            </button>
          </div>
        ) : null}
      </>
    );
  }

  return (
    <NotesLayout
      count={isLoading ? undefined : notes.length}
      syncing={isValidating && !isLoading}
      list={list}
      composer={
        <>
          {draft.restored ? (
            <p className={`${ui.muted} ${styles.restored}`} role="status">
              Your unsaved note is back.
            </p>
          ) : null}
          <NoteForm
            submitLabel="Add note"
            resetOnSave
            initial={draft.restored}
            onEdit={draft.keep}
            onSubmit={async (input) => {
              await actions.createNote(input);
              draft.discard();
            }}
          />
        </>
      }
    />
  );
}

/** Composer on the left, list on the right (stacked on small screens); also the loading shape. */
function NotesLayout({
  list,
  composer,
  count,
  syncing = false,
}: {
  list: ReactNode;
  composer?: ReactNode;
  count?: number;
  syncing?: boolean;
}) {
  return (
    <div className={styles.layout}>
      <section className={`${ui.card} ${styles.composer}`} aria-labelledby="new-note">
        <h2 id="new-note" className={ui.cardTitle} style={{ marginBottom: 14 }}>
          New note
        </h2>
        {composer ?? <span className={ui.skeleton} style={{ height: 228 }} />}
      </section>
      <section aria-labelledby="all-notes">
        <div className={styles.listHeader}>
          <h2 id="all-notes" className={ui.cardTitle}>
            All notes {count === undefined ? null : <span className={ui.badge}>{count}</span>}
          </h2>
          <span className={ui.muted} aria-live="polite">
            {syncing ? "Syncing…" : null}
          </span>
        </div>
        {list}
      </section>
    </div>
  );
}
