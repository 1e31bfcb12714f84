import type { NextApiResponse } from "next";
import type { NextHandler } from "next-connect";
import UserRoles from "supertokens-node/recipe/userroles";
import { ensureRoles } from "@/server/roles";
import type { SessionRequest } from "./session";

/**
 * Guards that follow `requireSession()`. They check the role and permission claims SuperTokens put
 * in the access token at sign-in (a role granted later shows at the next sign-in, or after
 * `session.fetchAndSetClaim(UserRoles.UserRoleClaim)`); a failure
 * throws the SDK's claim error, which middleware/errors.ts hands back to the SDK for its 403
 * `{ message: "invalid claim", claimValidationErrors }`.
 */
export function requireRole(role: string) {
  return async (req: SessionRequest, _res: NextApiResponse, next: NextHandler) => {
    await ensureRoles();
    await req.session.assertClaims([UserRoles.UserRoleClaim.validators.includes(role)]);
    return next();
  };
}

export function requirePermission(permission: string) {
  return async (req: SessionRequest, _res: NextApiResponse, next: NextHandler) => {
    await ensureRoles();
    await req.session.assertClaims([UserRoles.PermissionClaim.validators.includes(permission)]);
    return next();
  };
}
