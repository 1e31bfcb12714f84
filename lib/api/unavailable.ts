import STGeneralError from "supertokens-web-js/utils/error";

export const signInUnavailable =
  "Sign-in is temporarily unavailable. Please try again in a moment.";

/**
 * For the prebuilt auth forms: the API's 503 (the auth core or the database is down) becomes the
 * form's own message, instead of the SDK's generic "Something went wrong".
 */
export function withUnavailableMessage<Input, Output>(
  call: (input: Input) => Promise<Output>,
): (input: Input) => Promise<Output> {
  return async (input) => {
    try {
      return await call(input);
    } catch (error) {
      if (error instanceof Response && error.status === 503) {
        throw new STGeneralError(signInUnavailable);
      }
      throw error;
    }
  };
}
