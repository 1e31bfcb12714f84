import STGeneralError from "supertokens-web-js/utils/error";
import { ApiError } from "./errors";

/**
 * For the prebuilt auth forms: the API's 429 (`Too many attempts. Try again in 5 minutes.`)
 * becomes the form's own error message. Without this the SDK throws the raw response and the form
 * says "Something went wrong".
 */
export function withRateLimitMessage<Input, Output>(
  call: (input: Input) => Promise<Output>,
): (input: Input) => Promise<Output> {
  return async (input) => {
    try {
      return await call(input);
    } catch (error) {
      if (error instanceof Response && error.status === 429) {
        throw new STGeneralError((await ApiError.fromResponse(error.clone())).message);
      }
      throw error;
    }
  };
}
