/** A claim the session failed, as sent by SuperTokens in a 403 `invalid claim` body. */
export type ClaimValidationError = {
  id: string;
  reason?: { message?: string; expectedToInclude?: unknown; actualValue?: unknown };
};

/**
 * Every failed API call becomes one of these. `status` is 0 when the request never got an answer
 * (offline, CORS refused, server down). `code` comes from the app's `{ error: { code, message } }`
 * shape, or is `invalid_claim` for SuperTokens' 403, `unauthorised` for its 401.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly claimValidationErrors: ClaimValidationError[];
  /** A body in no error shape, kept for callers that expect one (e.g. /api/health's 503). */
  readonly body: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    claimValidationErrors: ClaimValidationError[] = [],
    body?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.claimValidationErrors = claimValidationErrors;
    this.body = body;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const body: unknown = await response.json().catch(() => undefined);
    if (isRecord(body) && isRecord(body.error)) {
      const { code, message } = body.error;
      return new ApiError(
        response.status,
        typeof code === "string" ? code : "error",
        typeof message === "string" ? message : response.statusText,
      );
    }
    if (isRecord(body) && Array.isArray(body.claimValidationErrors)) {
      const claims = body.claimValidationErrors.filter(isClaimValidationError);
      return new ApiError(response.status, "invalid_claim", describeClaims(claims), claims);
    }
    if (response.status === 401) {
      return new ApiError(401, "unauthorised", "Your session has ended. Please sign in again.");
    }
    const message = isRecord(body) && typeof body.message === "string" ? body.message : "";
    return new ApiError(
      response.status,
      "http_error",
      message || `Request failed (${response.status})`,
      [],
      body,
    );
  }
}

/** Turns SuperTokens' claim errors into the sentence a user should read. */
export function describeClaims(claims: ClaimValidationError[]): string {
  const claim = claims[0];
  const expected = claim?.reason?.expectedToInclude;
  const name = typeof expected === "string" ? expected : undefined;
  if (claim?.id === "st-role") {
    return name ? `This needs the “${name}” role.` : "Your role does not allow this.";
  }
  if (claim?.id === "st-perm") {
    return name
      ? `Plan required: your plan does not include “${name}”.`
      : "Plan required: your plan does not include this feature.";
  }
  return "You are not allowed to do this.";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isClaimValidationError(value: unknown): value is ClaimValidationError {
  return isRecord(value) && typeof value.id === "string";
}
