// Response shapes of the app's API routes. Where the server names a shape, it is imported from there
// (types only: nothing server-side reaches the browser bundle), so client and routes cannot drift.
import type { UserSummary } from "@/server/admin";

export type { ApiKey, CreatedApiKey } from "@/server/db/api-keys";
export type { Note, NotesPage } from "@/server/db/notes";
export type {
  ApiKeyScope,
  CreateApiKeyInput as ApiKeyInput,
  ApiKeyLimits,
} from "@/server/schemas/api-key";
export type { CreateNoteInput as NoteInput } from "@/server/schemas/note";
export type { Profile } from "@/server/schemas/profile";
export type { Me } from "@/server/users";

export type SessionInfo = {
  userId: string;
  sessionHandle: string;
  accessTokenPayload: Record<string, unknown>;
};

export type ExternalToken = { token: string; expiresAt: string };

export type Greeting = { signedIn: boolean; message: string };

export type Health = { status: "ok" | "degraded"; core: "up" | "down" };

export type AdminUsers = { users: UserSummary[]; nextCursor: string | null };

export type PremiumInsights = { notes: number; words: number; firstNoteAt: string | null };
