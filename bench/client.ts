/**
 * The calls the bench makes to the app outside the load itself, besides signing users up (with
 * the API tests' helper): make an API key, count the notes the app stored for a user.
 */
import { noteLimits } from "../config/limits";
import type { CreatedApiKey } from "../server/db/api-keys";
import type { NotesPage } from "../server/db/notes";

/** A new API key for the session's user, through `POST /api/keys` as the API keys page makes one. */
export async function createReadKey(appUrl: string, token: string): Promise<string> {
  const response = await fetch(new URL("/api/keys", appUrl), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench", scopes: ["notes:read"], expiresInDays: 30 }),
  });
  if (response.status !== 201) {
    throw new Error(`POST /api/keys answered ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as CreatedApiKey).key;
}

/** Counts a user's notes by paging through `GET /api/notes`, as any client would see them. */
export async function countNotes(appUrl: string, token: string, atMost: number): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  // Bounded (every page but the last holds a note): a cursor that never ends cannot loop forever.
  for (let page = 0; page <= atMost; page++) {
    const url = new URL("/api/notes", appUrl);
    url.searchParams.set("limit", String(noteLimits.maxPageSize));
    if (cursor) url.searchParams.set("cursor", cursor);
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) {
      throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    }
    const body = (await response.json()) as NotesPage;
    count += body.notes.length;
    cursor = body.nextCursor;
    if (cursor === null) return count;
  }
  throw new Error(`more than ${atMost} notes: the pages did not end`);
}
