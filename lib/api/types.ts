// The shapes the app's API routes send, declared once on the server side (next to the route or
// the function that builds them) and imported here as types only: nothing server-side reaches the
// browser bundle, and the client cannot drift from what the routes send.
import type { noteStats } from "@/server/db/notes";

export type { UsersPage as AdminUsers } from "@/server/admin";
export type { DataToken as ExternalToken } from "@/server/data-token";
export type { ApiKey, ApiKeyList, CreatedApiKey } from "@/server/db/api-keys";
export type { Note, NotesPage } from "@/server/db/notes";
export type { ApiKeyScope, CreateApiKeyInput as ApiKeyInput } from "@/server/schemas/api-key";
export type { CreateNoteInput as NoteInput } from "@/server/schemas/note";
export type { Profile } from "@/server/schemas/profile";
export type { SessionInfo } from "@/server/session-info";
export type { Me } from "@/server/users";
export type { Greeting } from "@/pages/api/greeting";
export type { Health } from "@/pages/api/health";
export type { SessionStats } from "@/pages/api/stats";
export type { ErrorBody } from "@/middleware/errors";

export type PremiumInsights = Awaited<ReturnType<typeof noteStats>>;
