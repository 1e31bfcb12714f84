import type { CorsOptions } from "cors";
import type { NextApiRequest, NextApiResponse } from "next";
import type { NextHandler } from "next-connect";
import NextCors from "nextjs-cors";
import supertokens from "supertokens-node";
import { env } from "@/config/env";

/**
 * CORS for browsers on the allowed origins, with credentials (cookies) and SuperTokens' headers.
 * An array origin makes `cors` echo an allowed `Origin`, omit the header for any other, and always
 * add `Vary: Origin`, so a cache never serves one origin's answer to another. The App Router's
 * route handlers use the same options (middleware/app/cors.ts).
 */
export function corsOptions(): CorsOptions {
  return {
    origin: env.allowedOrigins,
    credentials: true,
    methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
    // A function, not a constant: SuperTokens must be initialised before it lists its headers.
    allowedHeaders: ["content-type", ...supertokens.getAllCORSHeaders()],
    // How long a refused client must wait (middleware/rate-limit.ts), readable by its script.
    exposedHeaders: ["Retry-After", "RateLimit", "RateLimit-Policy"],
    maxAge: 600,
  };
}

export async function cors(req: NextApiRequest, res: NextApiResponse, next: NextHandler) {
  const applied = NextCors(req, res, corsOptions());
  // On a preflight `cors` answers 204 itself and never calls back, so nextjs-cors' promise never
  // settles: awaiting it would leave this request pending forever. The answer is already sent.
  if (res.writableEnded) return;
  await applied;
  return next();
}
