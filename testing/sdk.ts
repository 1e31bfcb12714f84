/**
 * The app's own SuperTokens setup (config/backendConfig.ts) in this process, pointed at a stack's
 * core, for code that calls the SDK directly (the seed, the bench's verification).
 *
 * `supertokens.init` is once per process, and config/env.ts reads the environment when it is
 * first imported: call this before anything imports it.
 */
import type { At } from "./http";

let coreUrl: string | undefined;

export async function initAppSdk(stack: At<"coreUrl">): Promise<void> {
  await stack.ready;
  if (coreUrl && coreUrl !== stack.coreUrl) {
    throw new Error(`The SDK in this process already talks to ${coreUrl}`);
  }
  coreUrl = stack.coreUrl;
  process.env.SUPERTOKENS_CONNECTION_URI = stack.coreUrl;
  const { ensureSuperTokensInit } = await import("../config/backendConfig");
  ensureSuperTokensInit();
}
