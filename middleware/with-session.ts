import type { NextApiHandler, NextApiResponse } from "next";
import type { NextHandler } from "next-connect";
import { ensureSuperTokensInit } from "@/config/backendConfig";
import { chainHandler } from "./chain-handlers";
import { cors } from "./cors";
import { onError, onNoMatch } from "./errors";
import { jsonBody } from "./json-body";
import { noStore } from "./no-store";
import { writeLimit } from "./rate-limit";
import {
  requireSession,
  type OptionalSessionRequest,
  type SessionOptions,
  type SessionRequest,
} from "./session";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Link = (req: OptionalSessionRequest, res: NextApiResponse, next: NextHandler) => unknown;

export type PlainHandlerOptions = Omit<SessionOptions, "sessionRequired"> & {
  /** The methods the handler answers; GET brings HEAD. Any other gets 405 with `Allow`. */
  methods?: readonly Method[];
  /** Read a JSON body up to `limit` into `req.body` (the route file exports `bodyParser: false`). */
  jsonBody?: { limit: string };
  /** The user's write budget that POST, PUT, PATCH and DELETE count against (`writeLimit(name)`). */
  writeLimit?: string;
};

// #region with-session
/**
 * A plain `pages/api` handler behind the chain's own links, without a router: no-store, CORS, the
 * session (then the JSON body and the write limit, when asked), in that order, with the chain's
 * error link around them.
 * The handler gets `req.session`, typed, and only for the methods it names.
 */
export function withSession(
  handler: (req: SessionRequest, res: NextApiResponse) => unknown,
  options: PlainHandlerOptions = {},
): NextApiHandler {
  ensureSuperTokensInit();
  const { methods = ["GET"], jsonBody: body, writeLimit: writes, ...sessionOptions } = options;
  const allowed = methods.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method]));
  const links: Link[] = [noStore, cors, requireSession(sessionOptions)];
  if (body) links.push(jsonBody(body));
  if (writes) {
    const limit = writeLimit(writes);
    links.push((req, res, next) => (isRead(req.method) ? next() : limit(req, res, next)));
  }
  const noMatch = onNoMatch(allowed);

  return chainHandler(async (req, res) => {
    // As in the router: a preflight or another method is answered before the session is looked at.
    if (!allowed.includes(req.method ?? "")) return noMatch(req, res);
    const chain = links.reduceRight<NextHandler>(
      (next, link) => () => link(req, res, next),
      () => {
        if (!hasSession(req)) throw new Error("The session link passed without a session");
        return handler(req, res);
      },
    );
    try {
      await chain();
    } catch (error) {
      await onError(error, req, res);
    }
  });
}
// #endregion with-session

const isRead = (method = "GET") => method === "GET" || method === "HEAD";

/** `requireSession()` calls the next link only once `req.session` is set; this tells TypeScript. */
function hasSession(req: OptionalSessionRequest): req is SessionRequest {
  return req.session !== undefined;
}
