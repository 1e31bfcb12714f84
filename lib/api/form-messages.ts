import STGeneralError from "supertokens-web-js/utils/error";
import { ApiError } from "./errors";

const signInUnavailable = "Sign-in is temporarily unavailable. Please try again in a moment.";

/**
 * For the prebuilt auth forms: two answers the SDK does not expect become the form's own message,
 * instead of the SDK throwing the raw response and the form saying "Something went wrong":
 * - 429, the sign-in lockout or a limit: the API's own words (`Too many attempts. Try again in
 *   5 minutes.`);
 * - 503, the auth core or the database is down: sign-in is temporarily unavailable.
 */
export function withFormMessages<Input, Output>(
  call: (input: Input) => Promise<Output>,
): (input: Input) => Promise<Output> {
  return async (input) => {
    try {
      return await call(input);
    } catch (error) {
      if (!(error instanceof Response)) throw error;
      if (error.status === 429) {
        throw new STGeneralError((await ApiError.fromResponse(error.clone())).message);
      }
      if (error.status === 503) throw new STGeneralError(signInUnavailable);
      throw error;
    }
  };
}
