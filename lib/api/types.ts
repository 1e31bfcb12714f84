// Response shapes of the app's API routes (the contract the `api` routes implement).

export type Note = {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
};

export type NoteInput = { title: string; body: string };

export type NotesPage = { notes: Note[]; nextCursor: string | null };

/** A name not set yet is `null` (as `GET /api/me` sends it). */
export type Profile = { firstName: string | null; lastName: string | null };

export type Me = {
  id: string;
  emails: string[];
  timeJoined: number;
  roles: string[];
  profile: Profile;
};

export type SessionInfo = {
  userId: string;
  sessionHandle: string;
  accessTokenPayload: Record<string, unknown>;
};

export type ExternalToken = { token: string; expiresAt: string };

export type Greeting = { signedIn: boolean; message: string };

export type Health = { status: "ok" | "degraded"; core: "up" | "down" };

export type AdminUser = { id: string; emails: string[]; timeJoined: number; roles: string[] };

export type AdminUsers = { users: AdminUser[]; nextCursor: string | null };

export type PremiumInsights = { notes: number; words: number; firstNoteAt: string | null };
