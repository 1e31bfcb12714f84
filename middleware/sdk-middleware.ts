/**
 * What one of supertokens-node's express-style middlewares did with a request: answered it itself
 * (a 401, a 403, one of its own endpoints), or called `next`, with an error it leaves to us or with
 * none (`error: undefined`: the request is ours to answer).
 */
export type SdkOutcome = { answered: true } | { answered: false; error: unknown };

/**
 * Runs an SDK middleware written for express (`verifySession()`, `middleware()`, `errorHandler()`)
 * inside next-connect: `run` calls it with the `next` it is given. When the SDK answers, it never
 * calls `next`, so a promise resolved by `next` would stay pending forever; the SDK's own promise
 * always settles, so that is what we await, then look at whether `next` was called.
 */
export async function runSdkMiddleware(
  run: (next: (error?: unknown) => void) => Promise<void>,
): Promise<SdkOutcome> {
  let outcome: SdkOutcome = { answered: true };
  await run((error?: unknown) => {
    outcome = { answered: false, error };
  });
  return outcome;
}
