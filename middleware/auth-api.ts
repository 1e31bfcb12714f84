import type { NextApiRequest, NextApiResponse } from "next";
import { middleware } from "supertokens-node/framework/express";
import { notFound } from "@/server/http-error";

const superTokens = middleware();

/**
 * The last link of `/api/auth/*`: SuperTokens' own endpoints (sign-up, sign-in, sign-out, refresh,
 * password reset, JWKS). A path the SDK does not serve gets our 404.
 */
export async function superTokensApi(req: NextApiRequest, res: NextApiResponse) {
  let passed = false;
  let failure: unknown;
  // Like verifySession, the SDK's middleware answers without calling back; its own promise settles.
  await superTokens(req, res, (error?: unknown) => {
    passed = true;
    failure = error;
  });
  if (failure !== undefined) throw failure;
  if (passed) throw notFound();
}
