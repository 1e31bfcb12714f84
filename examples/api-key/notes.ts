/**
 * A script that calls the notes API with an API key, as a cron job or another server would
 * (docs/tutorial/11-api-keys.md). Node 20's own `fetch`, nothing to install:
 *
 *   NOTES_API_KEY=nsk_… npx --yes tsx examples/api-key/notes.ts "Backup done" "42 files"
 *
 * With a title (and a body) it adds a note, then it prints your five newest notes.
 */
import process from "node:process";

type Note = { id: string; title: string; body: string; createdAt: string };
type ApiError = { error: { code: string; message: string } };

const apiUrl = process.env.API_URL ?? "http://localhost:3000";
const apiKey = process.env.NOTES_API_KEY;

// #region call
/** One call to the API, with the key as a Bearer token. A refusal throws with its reason. */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${apiUrl}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    // 401 invalid_api_key: unknown, expired or revoked. 403 insufficient_scope: names the scope.
    const { error } = (await response.json()) as ApiError;
    throw new Error(`${method} ${path}: ${response.status} ${error.code}: ${error.message}`);
  }
  return (await response.json()) as T;
}
// #endregion call

// #region main
async function main() {
  if (!apiKey) throw new Error("Set NOTES_API_KEY to a key made on the app's API keys page");
  const [title, body = "Added by a script"] = process.argv.slice(2);
  if (title) {
    const note = await call<Note>("POST", "/notes", { title, body });
    console.log(`added ${note.id}`);
  }
  const { notes } = await call<{ notes: Note[] }>("GET", "/notes?limit=5");
  for (const note of notes) console.log(`${note.createdAt}  ${note.title}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
// #endregion main
