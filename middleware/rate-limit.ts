import type { NextApiResponse } from "next";
import type { NextHandler } from "next-connect";
import { env } from "@/config/env";
import {
  counterUnavailable,
  isOverQuota,
  rateLimitHeaders,
  rateLimited,
} from "@/server/rate-limit/answer";
import { clientAddress } from "@/server/rate-limit/client-address";
import { counter, type Quota } from "@/server/rate-limit/store";
import type { Principal } from "./auth";
import type { OptionalSessionRequest } from "./session";

type CountedRequest = OptionalSessionRequest & { principal?: Principal };

export type RateLimitOptions = Quota & {
  /**
   * What to do when the counter's store (the app's database) cannot be reached: `"allow"` lets the
   * request through uncounted, `"refuse"` answers 503. Each route chooses, and says why.
   */
  whenStoreDown: "allow" | "refuse";
};

// #region rate-limit
/**
 * The rate-limit link: `points` requests per `seconds`, counted per API key or per signed-in user
 * when an auth link ran before it, per client address otherwise. Over the quota it answers 429 with
 * `Retry-After`; every answer carries the `RateLimit-Policy` and `RateLimit` headers.
 */
export function rateLimit({ whenStoreDown, ...quota }: RateLimitOptions) {
  const limiter = counter(quota);

  return async (req: CountedRequest, res: NextApiResponse, next: NextHandler) => {
    const key = counterKey(req);
    let state;
    try {
      state = await limiter().consume(key);
    } catch (reason) {
      if (isOverQuota(reason)) throw rateLimited(quota, reason.msBeforeNext);
      if (whenStoreDown === "refuse") throw counterUnavailable();
      console.warn(`rate limit "${quota.name}" not counted:`, reason);
      return next();
    }
    const headers = rateLimitHeaders(quota, state.remainingPoints, state.msBeforeNext);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    return next();
  };
}
// #endregion rate-limit

/**
 * The default for a route that writes: `RATE_LIMIT_WRITES_PER_MINUTE` per user, shared by the
 * routes that pass the same `name`. A write passes uncounted when the store is down: it needs the
 * same database, and answers its own 503 when that is unreachable.
 */
export const writeLimit = (name: string) =>
  rateLimit({ name, points: env.rateLimits.writesPerMinute, seconds: 60, whenStoreDown: "allow" });

/**
 * Each API key's own budget, `RATE_LIMIT_API_KEY_PER_MINUTE` requests, run by `requireAuth` on
 * every key request (a route cannot forget it). A key passes uncounted when the store is down, as
 * a session would: the route then needs the same database and answers its own 503.
 */
export const apiKeyLimit = () =>
  rateLimit({
    name: "api-key",
    points: env.rateLimits.apiKeyPerMinute,
    seconds: 60,
    whenStoreDown: "allow",
  });

function counterKey(req: CountedRequest): string {
  if (req.principal?.via === "apiKey") return `key:${req.principal.keyId}`;
  if (req.session) return `user:${req.session.getUserId()}`;
  return `address:${clientAddress(req)}`;
}
