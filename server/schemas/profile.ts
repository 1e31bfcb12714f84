import { z } from "zod";
import { profileLimits } from "@/config/limits";
import { body, text } from "./fields";

export const updateProfileInput = body({
  firstName: text({ max: profileLimits.name }).optional(),
  lastName: text({ max: profileLimits.name }).optional(),
}).refine((input) => input.firstName !== undefined || input.lastName !== undefined, {
  message: "send firstName, lastName or both",
});
export type UpdateProfileInput = z.output<typeof updateProfileInput>;

/** How the profile is kept in SuperTokens' user metadata (read back defensively: it is free-form). */
export const storedProfile = z.object({
  firstName: z.string().nullable().catch(null),
  lastName: z.string().nullable().catch(null),
});
export type Profile = z.output<typeof storedProfile>;
