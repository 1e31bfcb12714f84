import corsMiddleware from "cors";
import { corsOptions } from "../cors";

export type CorsResult = {
  /** The CORS headers for this request's answer. */
  headers: Headers;
  /** The request was a preflight, and these headers (with 204) are the whole answer. */
  preflight: boolean;
};

/**
 * CORS for a route handler: the same `cors` package with the same options as middleware/cors.ts,
 * so both routers give the same answers. `cors` is written for Node's req/res; with fixed options
 * it decides at once, so a stand-in that records the headers it sets and whether it ended the
 * answer is all it needs.
 */
export function applyCors(request: Request): CorsResult {
  const result: CorsResult = { headers: new Headers(), preflight: false };
  const { headers } = result;
  const answer = {
    statusCode: 200,
    getHeader: (name: string) => headers.get(name) ?? undefined,
    setHeader: (name: string, value: string) => headers.set(name, value),
    end: () => void (result.preflight = true),
  };
  const incoming = { method: request.method, headers: Object.fromEntries(request.headers) };
  corsMiddleware(corsOptions())(incoming, answer, () => undefined);
  return result;
}
