import type { NextApiResponse } from "next";
import type { NextHandler } from "next-connect";
import type { SessionClaimValidator } from "supertokens-node/recipe/session";
import UserRoles from "supertokens-node/recipe/userroles";
import { ensureRoles } from "@/server/roles";
import type { SessionRequest } from "./session";

/**
 * Guards that follow `requireSession()`. They check a claim SuperTokens put in the access token at
 * sign-in (a role granted later shows at the next sign-in, or after
 * `session.fetchAndSetClaim(UserRoles.UserRoleClaim)`); a failure throws the SDK's claim error,
 * which middleware/errors.ts hands back to the SDK for its 403
 * `{ message: "invalid claim", claimValidationErrors }`.
 */
export function requireClaim(validator: SessionClaimValidator) {
  return async (req: SessionRequest, _res: NextApiResponse, next: NextHandler) => {
    // The SDK may refetch a role or permission claim from the core, whose roles must exist first.
    await ensureRoles();
    await req.session.assertClaims([validator]);
    return next();
  };
}

export const requireRole = (role: string) =>
  requireClaim(UserRoles.UserRoleClaim.validators.includes(role));

export const requirePermission = (permission: string) =>
  requireClaim(UserRoles.PermissionClaim.validators.includes(permission));
