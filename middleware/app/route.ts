import type { NextRequest } from "next/server";
import type { SessionContainer } from "supertokens-node/recipe/session";
import { ensureSuperTokensInit } from "@/config/backendConfig";
import { chainHandler } from "../chain-handlers";
import { noStoreValue } from "../no-store";
import { quotaCounter, userCounterKey, writeQuota } from "../rate-limit";
import { applyCors } from "./cors";
import { errorResponse, methodNotAllowed } from "./errors";
import { readJsonBody } from "./json-body";
import { requireRouteSession, type RouteSessionOptions } from "./session";

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof methods)[number];
type Params = Record<string, string | string[]>;

/** What a handler gets besides the request: the verified session, the route's params, the body. */
export type RouteContext<P extends Params> = {
  session: SessionContainer;
  params: P;
  /** The JSON body, when the route asked for one (`jsonBody`); `undefined` when none was sent. */
  body: unknown;
};
export type RouteHandler<P extends Params> = (
  request: NextRequest,
  context: RouteContext<P>,
) => Promise<Response>;

/** What Next calls for each exported method. */
export type NextRouteHandler<P extends Params> = (
  request: NextRequest,
  context: { params: Promise<P> },
) => Promise<Response>;

export type ProtectedRouteOptions = RouteSessionOptions & {
  jsonBody?: { limit: string };
  /**
   * The user's write budget that POST, PUT, PATCH and DELETE count against (`writeLimit(name)` in
   * a chain; the same name shares the budget with the pages/api routes).
   */
  writeLimit?: string;
};

// #region protected-route
/**
 * The exports of one `route.ts`, behind the same links as `createApiRouter()`: no-store and CORS
 * on every answer, then the session, the JSON body when asked, the write limit on writes when
 * named, and the error link. Every method is
 * exported: OPTIONS answers the preflight, and a method without a handler gets the app's 405 (JSON,
 * with `Allow` and CORS) rather than Next's bare one.
 */
export function protectedRoute<P extends Params = Record<string, never>>(
  options: ProtectedRouteOptions,
  handlers: Partial<Record<Method, RouteHandler<P>>>,
): Record<Method | "OPTIONS", NextRouteHandler<P>> {
  ensureSuperTokensInit();
  const { jsonBody, writeLimit, ...sessionOptions } = options;
  const countWrite = writeLimit ? quotaCounter(writeQuota(writeLimit)) : undefined;
  const allowed = methods
    .filter((method) => handlers[method] !== undefined)
    .flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method]));

  const respond: NextRouteHandler<P> = async (request, context) => {
    // Next answers HEAD with the GET export.
    const method = request.method === "HEAD" ? "GET" : request.method;
    const handler = isMethod(method) ? handlers[method] : undefined;
    if (handler === undefined) return methodNotAllowed(request.method, allowed);
    try {
      const params = await context.params;
      return await requireRouteSession(request, sessionOptions, async (session) => {
        const body = jsonBody ? await readJsonBody(request, jsonBody.limit) : undefined;
        const limited =
          countWrite && method !== "GET"
            ? await countWrite(userCounterKey(session.getUserId()))
            : {};
        const response = await handler(request, { session, params, body });
        for (const [name, value] of Object.entries(limited)) response.headers.set(name, value);
        return response;
      });
    } catch (error) {
      return errorResponse(error);
    }
  };

  const answer = chainHandler<NextRouteHandler<P>>(async (request, context) => {
    const cors = applyCors(request);
    const response = cors.preflight
      ? new Response(null, { status: 204 })
      : await respond(request, context);
    for (const [name, value] of cors.headers) response.headers.set(name, value);
    response.headers.set("Cache-Control", noStoreValue);
    return response;
  });

  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer, OPTIONS: answer };
}
// #endregion protected-route

function isMethod(value: string): value is Method {
  return methods.some((method) => method === value);
}
