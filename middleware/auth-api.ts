import type { NextApiRequest, NextApiResponse } from "next";
import { middleware } from "supertokens-node/framework/express";
import { notFound } from "@/server/http-error";
import { runSdkMiddleware } from "./sdk-middleware";

const superTokens = middleware();

/**
 * The last link of `/api/auth/*`: SuperTokens' own endpoints (sign-up, sign-in, sign-out, refresh,
 * password reset, JWKS). A path the SDK does not serve gets our 404.
 */
export async function superTokensApi(req: NextApiRequest, res: NextApiResponse) {
  const outcome = await runSdkMiddleware((next) => superTokens(req, res, next));
  if (outcome.answered) return;
  throw outcome.error ?? notFound();
}
