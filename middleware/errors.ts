import type { NextApiRequest, NextApiResponse } from "next";
import { Error as SuperTokensError } from "supertokens-node";
import { errorHandler } from "supertokens-node/framework/express";
import { coreUnreachableMessage, isCoreUnreachable } from "@/server/core-unreachable";
import { HttpError, type HttpErrorStatus, unavailable } from "@/server/http-error";
import { cors } from "./cors";
import { runSdkMiddleware } from "./sdk-middleware";

/** The app's error shape, for every error the app itself (not the SDK) answers with. */
export type ErrorBody = { error: { code: string; message: string } };

/** The one place that writes it. */
export function sendError(
  res: NextApiResponse,
  status: HttpErrorStatus,
  code: string,
  message: string,
  retryAfter?: number,
) {
  if (retryAfter !== undefined) res.setHeader("Retry-After", String(retryAfter));
  res.status(status).json(errorBody(code, message));
}

export const errorBody = (code: string, message: string): ErrorBody => ({
  error: { code, message },
});

/**
 * An error as the client may see it. No core: 503 `auth_unavailable` (never a 401, which would
 * send the frontend SDK into refreshing). Anything unexpected is logged and becomes a bare 500.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (isCoreUnreachable(error)) {
    console.error(coreUnreachableMessage());
    return unavailable("auth_unavailable", "Sign-in is temporarily unavailable; try again shortly");
  }
  console.error(error); // the client gets no stack and no message it could learn from
  return new HttpError(500, "internal_error", "Something went wrong");
}

const handleSuperTokensError = errorHandler();

// #region on-error
/** next-connect's `onError`: every error thrown by a link or a handler ends here. */
export async function onError(error: unknown, req: NextApiRequest, res: NextApiResponse) {
  if (res.headersSent) {
    console.error(error);
    res.end();
    return;
  }
  let unhandled = error;
  if (SuperTokensError.isErrorFromSuperTokens(error)) {
    // The SDK writes the bodies its frontend expects (401 "try refresh token", 403 "invalid claim",
    // 400 for bad input to its own endpoints); it calls back only for errors it does not handle.
    const outcome = await runSdkMiddleware((next) => handleSuperTokensError(error, req, res, next));
    if (outcome.answered) return;
    unhandled = outcome.error ?? error;
  }
  const { status, code, message, headers } = toHttpError(unhandled);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendError(res, status, code, message);
}
// #endregion on-error

/**
 * next-connect's `onNoMatch`, given the methods the route answers. It also receives every OPTIONS
 * request: a preflight matches only `.use()` links, and next-connect has no `.options()`.
 */
export function onNoMatch(allowed: readonly string[]) {
  const allow = ["OPTIONS", ...allowed].join(", ");
  return (req: NextApiRequest, res: NextApiResponse) => {
    res.setHeader("Allow", allow);
    // CORS answers a preflight itself; any other method gets its 405 with CORS headers, so that a
    // browser on an allowed origin can read it.
    return cors(req, res, async () => {
      if (allowed.length === 0) sendError(res, 404, "not_found", "Not found");
      else sendError(res, 405, "method_not_allowed", `${req.method} is not allowed here`);
    });
  };
}
