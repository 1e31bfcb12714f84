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
  /** Whose count a request adds to; by default the caller's (see `callerKey`). */
  counterKey?: (req: CountedRequest) => string;
};

// #region rate-limit
/**
 * The rate-limit link: `points` requests per `seconds`, counted per signed-in user (by session or
 * by any of their API keys) when an auth link ran before it, per client address otherwise. Over
 * the quota it answers 429 with `Retry-After`; every answer carries the `RateLimit-Policy` and
 * `RateLimit` headers.
 */
export function rateLimit({ counterKey = callerKey, ...options }: RateLimitOptions) {
  const count = quotaCounter(options);

  return async (req: CountedRequest, res: NextApiResponse, next: NextHandler) => {
    const headers = await count(counterKey(req));
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    return next();
  };
}

/**
 * Counts one request under `key`, for any framework (route handlers use it too): the headers to
 * send with the answer (none when the store is down and the request passes uncounted), or a
 * thrown 429 over the quota, or a 503 when the store is down and the route refuses.
 */
export function quotaCounter({ whenStoreDown, ...quota }: RateLimitOptions) {
  const limiter = counter(quota);

  return async (key: string): Promise<Record<string, string>> => {
    let state;
    try {
      state = await limiter().consume(key);
    } catch (reason) {
      if (isOverQuota(reason)) throw rateLimited(quota, reason.msBeforeNext);
      if (whenStoreDown === "refuse") throw counterUnavailable();
      console.warn(`rate limit "${quota.name}" not counted:`, reason);
      return {};
    }
    return rateLimitHeaders(quota, state.remainingPoints, state.msBeforeNext);
  };
}
// #endregion rate-limit

/**
 * The default for a route that writes: `RATE_LIMIT_WRITES_PER_MINUTE` per user, shared by the
 * routes that pass the same `name`. A write passes uncounted when the store is down: it needs the
 * same database, and answers its own 503 when that is unreachable.
 */
export const writeLimit = (name: string) => rateLimit(writeQuota(name));

export const writeQuota = (name: string): RateLimitOptions => ({
  name,
  points: env.rateLimits.writesPerMinute,
  seconds: 60,
  whenStoreDown: "allow",
});

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
    counterKey: (req) =>
      req.principal?.via === "apiKey" ? `key:${req.principal.keyId}` : callerKey(req),
  });

/**
 * The signed-in user, however they proved it (a session or any of their API keys: new keys do not
 * buy a new budget), or the client address for an anonymous caller.
 */
function callerKey(req: CountedRequest): string {
  const userId = req.principal?.userId ?? req.session?.getUserId();
  return userId === undefined ? `address:${clientAddress(req)}` : userCounterKey(userId);
}

/** A user's counters: the same in every shape of route, so that one budget covers them all. */
export const userCounterKey = (userId: string) => `user:${userId}`;
