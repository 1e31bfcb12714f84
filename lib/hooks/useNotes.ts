import useSWRInfinite from "swr/infinite";
import { noteLimits } from "@/config/limits";
import { api } from "@/lib/api";
import type { Note, NoteInput, NotesPage } from "@/lib/api/types";

// Each page's key carries the previous page's cursor; `null` stops at the last page.
function pageKey(index: number, previous: NotesPage | null): string | null {
  if (index === 0) return `/notes?limit=${noteLimits.pageSize}`;
  if (!previous?.nextCursor) return null;
  return `/notes?limit=${noteLimits.pageSize}&cursor=${encodeURIComponent(previous.nextCursor)}`;
}

type Pages = NotesPage[] | undefined;

const prepend = (pages: Pages, note: Note): NotesPage[] => {
  const [first = { notes: [], nextCursor: null }, ...rest] = pages ?? [];
  return [{ ...first, notes: [note, ...first.notes] }, ...rest];
};
const replace = (pages: Pages, id: string, note: Note): NotesPage[] =>
  (pages ?? []).map((p) => ({ ...p, notes: p.notes.map((n) => (n.id === id ? note : n)) }));
const remove = (pages: Pages, id: string): NotesPage[] =>
  (pages ?? []).map((p) => ({ ...p, notes: p.notes.filter((n) => n.id !== id) }));

let tempIds = 0;
/** Optimistic notes get an id the server never uses, so the UI can mark them as "saving". */
export const isPending = (note: Note) => note.id.startsWith("pending-");

/**
 * The user's notes, page by page, with optimistic create, update and delete: the list changes at
 * once, rolls back if the server refuses, then revalidates against the server.
 */
export function useNotes() {
  const { data, error, isLoading, isValidating, mutate, size, setSize } = useSWRInfinite<NotesPage>(
    pageKey,
    { revalidateFirstPage: true },
  );

  const notes = data?.flatMap((page) => page.notes) ?? [];
  const hasMore = Boolean(data?.at(-1)?.nextCursor);

  async function createNote(input: NoteInput) {
    const now = new Date().toISOString();
    const pending: Note = { id: `pending-${++tempIds}`, ...input, createdAt: now, updatedAt: now };
    await mutate(async (pages) => prepend(pages, await api.post<Note>("/notes", input)), {
      optimisticData: (pages) => prepend(pages, pending),
      rollbackOnError: true,
    });
  }

  async function updateNote(note: Note, input: NoteInput) {
    const optimistic = { ...note, ...input, updatedAt: new Date().toISOString() };
    await mutate(
      async (pages) => replace(pages, note.id, await api.patch<Note>(`/notes/${note.id}`, input)),
      { optimisticData: (pages) => replace(pages, note.id, optimistic), rollbackOnError: true },
    );
  }

  async function deleteNote(note: Note) {
    await mutate(
      async (pages) => {
        await api.delete(`/notes/${note.id}`);
        return remove(pages, note.id);
      },
      { optimisticData: (pages) => remove(pages, note.id), rollbackOnError: true },
    );
  }

  return {
    notes,
    error,
    isLoading,
    isValidating,
    hasMore,
    loadMore: () => setSize(size + 1),
    retry: () => mutate(),
    createNote,
    updateNote,
    deleteNote,
  };
}
