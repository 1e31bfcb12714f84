import { errorBody, toHttpError } from "../errors";

/** The app's error shape, `{ "error": { "code", "message" } }`, as a route handler's Response. */
export function errorResponse(error: unknown): Response {
  const { status, code, message, headers } = toHttpError(error);
  return Response.json(errorBody(code, message), { status, headers });
}

/** What a method the route does not have gets: 405 with `Allow`, as in pages/api. */
export function methodNotAllowed(method: string, allowed: readonly string[]): Response {
  return Response.json(errorBody("method_not_allowed", `${method} is not allowed here`), {
    status: 405,
    headers: { Allow: ["OPTIONS", ...allowed].join(", ") },
  });
}
