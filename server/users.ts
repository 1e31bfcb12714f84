/**
 * The current user as the API shows it: identity from SuperTokens, roles from UserRoles, the
 * profile from UserMetadata. Nothing private (no login methods, tenant ids or recipe ids).
 */
import supertokens from "supertokens-node";
import UserMetadata from "supertokens-node/recipe/usermetadata";
import UserRoles from "supertokens-node/recipe/userroles";
import { notFound } from "./http-error";
import { storedProfile, type Profile, type UpdateProfileInput } from "./schemas/profile";

export type Me = {
  id: string;
  emails: string[];
  timeJoined: number;
  roles: string[];
  profile: Profile;
};

export async function getMe(userId: string): Promise<Me> {
  const [user, { roles }, { metadata }] = await Promise.all([
    supertokens.getUser(userId),
    UserRoles.getRolesForUser("public", userId),
    UserMetadata.getUserMetadata(userId),
  ]);
  if (!user) throw notFound(); // deleted while the session was still valid
  return {
    id: user.id,
    emails: user.emails,
    timeJoined: user.timeJoined,
    roles,
    profile: storedProfile.parse(metadata),
  };
}

/** The core merges metadata shallowly, so each name is its own top-level key. */
export async function updateProfile(userId: string, input: UpdateProfileInput): Promise<void> {
  await UserMetadata.updateUserMetadata(userId, input);
}
