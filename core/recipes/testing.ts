import { z } from "zod";
import { route, type Route } from "../router";
import { readAccessToken, signAccessToken } from "../tokens/accessToken";

/**
 * What tests need and the real core does not offer, served only when the core is started with
 * `CORE_TEST_ROUTES=true` (testing/stack.ts does): never by `npm run dev` or `npm run core`.
 */
export const testRoutes: Route[] = [
  /**
   * The same session's access token, signed by the same key with the same claims, but expired a
   * second ago: what a client holds once its token's lifetime has passed, without waiting for it.
   * The refresh token is untouched, so the SDK's refresh works as it would after a real expiry.
   */
  route(
    "POST",
    "/test/session/expire-access-token",
    z.object({ accessToken: z.string() }),
    async ({ app }, input) => {
      const token = readAccessToken(app.keys, input.accessToken);
      const key = token && app.keys.find(token.kid);
      if (!token || !key) return { status: "UNAUTHORISED", message: "Invalid access token" };
      const expiredAt = Date.now() - 1_000;
      const createdAt = Math.min(token.claims.iat * 1000, expiredAt);
      const accessToken = await signAccessToken(
        key,
        token.fields,
        token.userData,
        createdAt,
        expiredAt,
      );
      return { status: "OK", accessToken };
    },
  ),
];
