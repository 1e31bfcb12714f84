import { publicEnv } from "@/config/publicEnv";
import { createApiClient } from "./client";

export { ApiError, describeClaims } from "./errors";
export type { ClaimValidationError } from "./errors";
export type { RequestOptions } from "./client";

/**
 * Same origin by default (`/api`). Set NEXT_PUBLIC_API_DOMAIN at build time to call an API on
 * another origin; that origin must list this one in its ALLOWED_ORIGINS.
 */
export const api = createApiClient({ baseUrl: `${publicEnv.apiDomain ?? ""}/api` });
