import { RateLimiterRes } from "rate-limiter-flexible";
import { HttpError } from "@/server/http-error";
import type { Quota } from "./store";

/**
 * The quota and what is left of it, in the headers of the IETF draft "RateLimit header fields for
 * HTTP" (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy: "name";q=<points>;w=<window>`
 * and `RateLimit: "name";r=<remaining>;t=<seconds until reset>`.
 */
export function rateLimitHeaders(quota: Quota, remaining: number, msBeforeReset: number) {
  return {
    "RateLimit-Policy": `"${quota.name}";q=${quota.points};w=${quota.seconds}`,
    RateLimit: `"${quota.name}";r=${remaining};t=${Math.max(0, Math.ceil(msBeforeReset / 1000))}`,
  };
}

/**
 * The 429 answer, `{ "error": { "code": "rate_limited", "message" } }` with `Retry-After`. Never a
 * 401: the frontend SDK would take it for an expired session and start refreshing.
 */
export function rateLimited(quota: Quota, msBeforeNext: number, what = "requests"): HttpError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new HttpError(429, "rate_limited", `Too many ${what}. Try again ${inTime(retryAfter)}.`, {
    "Retry-After": String(retryAfter),
    ...rateLimitHeaders(quota, 0, msBeforeNext),
  });
}

/** For links that refuse when they cannot count: better a short 503 than unlimited guesses. */
export const counterUnavailable = () =>
  new HttpError(503, "database_unavailable", "Please try again in a moment.", {
    "Retry-After": "5",
  });

/** rate-limiter-flexible rejects with a `RateLimiterRes` when over quota, an `Error` when its store fails. */
export const isOverQuota = (reason: unknown): reason is RateLimiterRes =>
  reason instanceof RateLimiterRes;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "always" });

/** "in 30 seconds", "in 5 minutes", "in 2 hours": rounded up, so the user never comes back early. */
function inTime(seconds: number): string {
  if (seconds < 60) return relative.format(seconds, "second");
  if (seconds < 3600) return relative.format(Math.ceil(seconds / 60), "minute");
  return relative.format(Math.ceil(seconds / 3600), "hour");
}
