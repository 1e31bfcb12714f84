import { z } from "zod";
import { profileLimits } from "@/config/limits";
import { text, update } from "./fields";

export const updateProfileInput = update({
  firstName: text({ max: profileLimits.name }),
  lastName: text({ max: profileLimits.name }),
});
export type UpdateProfileInput = z.output<typeof updateProfileInput>;

/** How the profile is kept in SuperTokens' user metadata (read back defensively: it is free-form). */
export const storedProfile = z.object({
  firstName: z.string().nullable().catch(null),
  lastName: z.string().nullable().catch(null),
});
export type Profile = z.output<typeof storedProfile>;
