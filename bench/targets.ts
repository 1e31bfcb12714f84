/**
 * Every request the bench sends, in one place: what each line of the table measures.
 * `app.url` is where the app listens, `app.origin` the site it allows for CORS.
 */
import { noteLimits } from "../config/limits";
import type { Target } from "./load";

export type Server = { url: string; pid: number };
export type Tokens = { reader: string; writer: string; readerKey: string };

export function targets(app: Server & { origin: string }, ceiling: Server, tokens: Tokens) {
  const { pid } = app;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const notesPage = `${app.url}/api/notes?limit=${noteLimits.pageSize}`;
  const writeNote = (token: string): Target => ({
    url: `${app.url}/api/notes`,
    pid,
    method: "POST",
    headers: { ...bearer(token), "content-type": "application/json" },
    body: JSON.stringify({ title: "Benchmark", body: "Written under load." }),
    expect: 201,
  });
  return {
    reads: {
      ceiling: { url: ceiling.url, pid: ceiling.pid, expect: 200 },
      // Runs the whole chain (CORS, then verifySession with `sessionRequired: false`), no token.
      public: { url: `${app.url}/api/greeting`, pid, expect: 200 },
      user: { url: `${app.url}/api/user`, pid, headers: bearer(tokens.reader), expect: 200 },
      strict: {
        url: `${app.url}/api/user/strict`,
        pid,
        headers: bearer(tokens.reader),
        expect: 200,
      },
      // The same route and the same notes, with the reader's session and with the reader's API key.
      notesSession: { url: notesPage, pid, headers: bearer(tokens.reader), expect: 200 },
      notesKey: { url: notesPage, pid, headers: bearer(tokens.readerKey), expect: 200 },
    } satisfies Record<string, Target>,
    /** Notes written while warming up belong to the reader, so the writer's count stays exact. */
    warmUpNote: writeNote(tokens.reader),
    note: writeNote(tokens.writer),
    anonymous: { url: `${app.url}/api/user`, pid, expect: 401 } satisfies Target,
    preflight: {
      url: `${app.url}/api/user`,
      pid,
      method: "OPTIONS",
      headers: {
        origin: app.origin,
        "access-control-request-method": "GET",
        "access-control-request-headers":
          "authorization, content-type, rid, fdi-version, st-auth-mode",
      },
      expect: 204,
    } satisfies Target,
  };
}

export type Targets = ReturnType<typeof targets>;
