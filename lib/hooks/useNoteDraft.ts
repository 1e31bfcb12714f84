import { useCallback, useState } from "react";
import { useSessionContext } from "supertokens-auth-react/recipe/session";
import { z } from "zod/mini";
import type { NoteInput } from "@/lib/api/types";

const prefix = "note-draft:";
const draftShape = z.object({ title: z.string(), body: z.string() });

/**
 * The new-note form's unsaved text, kept per user in this tab's sessionStorage. When the session
 * ends while the user writes, the redirect to /auth unmounts the form; signing in brings them back
 * here, and the text with them. Cleared once the note is saved, and by a deliberate sign-out
 * (`forgetNoteDrafts`). Call it only under a known session (inside `RequireSession`).
 */
export function useNoteDraft() {
  const session = useSessionContext();
  const key =
    !session.loading && session.doesSessionExist ? `${prefix}${session.userId}` : undefined;
  // Read once, when the form first renders: that is the moment a draft is given back.
  const [restored, setRestored] = useState(() => (key ? read(key) : undefined));

  const keep = useCallback(
    (input: NoteInput) => {
      if (!key) return;
      if (input.title === "" && input.body === "") sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify(input));
    },
    [key],
  );
  const discard = useCallback(() => {
    if (key) sessionStorage.removeItem(key);
    setRestored(undefined);
  }, [key]);

  return { restored, keep, discard };
}

/** On sign-out from this tab: whoever uses it next must not find the last user's text. */
export function forgetNoteDrafts(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(prefix)) sessionStorage.removeItem(key);
  }
}

function read(key: string): NoteInput | undefined {
  try {
    const parsed = draftShape.safeParse(JSON.parse(sessionStorage.getItem(key) ?? "null"));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not JSON: written by something else, ignore it
  }
}
