/**
 * The one call the bench makes to the app outside the load itself, besides signing users up (with
 * the API tests' helper): count the notes the app stored for a user.
 */
import { z } from "zod";

const notesPage = z.object({ notes: z.array(z.unknown()), nextCursor: z.string().nullable() });

/** Counts a user's notes by paging through `GET /api/notes`, as any client would see them. */
export async function countNotes(appUrl: string, token: string, atMost: number): Promise<number> {
  const pageSize = 100;
  let count = 0;
  let cursor: string | null = null;
  // Bounded (every page but the last holds a note): a cursor that never ends cannot loop forever.
  for (let page = 0; page <= atMost; page++) {
    const url = new URL("/api/notes", appUrl);
    url.searchParams.set("limit", String(pageSize));
    if (cursor) url.searchParams.set("cursor", cursor);
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) {
      throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    }
    const body = notesPage.parse(await response.json());
    count += body.notes.length;
    cursor = body.nextCursor;
    if (cursor === null) return count;
  }
  throw new Error(`more than ${atMost} notes: the pages did not end`);
}
