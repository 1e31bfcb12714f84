export type Toast = {
  id: number;
  kind: "error" | "success" | "info";
  title: string;
  message?: string;
};

type Listener = () => void;

const DISMISS_AFTER_MS = 6000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

function emit() {
  for (const listener of listeners) listener();
}

/** Callable from anywhere (API interceptors included), not only from React components. */
export function toast(input: Omit<Toast, "id">): void {
  const id = nextId++;
  // The same error twice in a row (e.g. a list and its retry) shows once.
  const others = toasts.filter((t) => t.title !== input.title || t.message !== input.message);
  toasts = [...others, { ...input, id }].slice(-4);
  emit();
  setTimeout(() => dismissToast(id), DISMISS_AFTER_MS);
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getToasts(): readonly Toast[] {
  return toasts;
}

const noToasts: readonly Toast[] = [];
export function getServerToasts(): readonly Toast[] {
  return noToasts;
}
