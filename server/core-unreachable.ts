import { env } from "@/config/env";

// supertokens-node's querier throws this, and nothing more, when no core in the URI answered.
const SDK_MESSAGE = "No SuperTokens core available to query";

export function isCoreUnreachable(error: unknown): boolean {
  return error instanceof Error && error.message === SDK_MESSAGE;
}

/** The same error as the SDK's, for a failure the app found to be the core's (answered 503). */
export const coreUnreachable = () => new Error(SDK_MESSAGE);

/**
 * The log line for a request that needed the core and found none: the SDK's message names neither
 * the address it tried nor what to do, and "Something went wrong" in the browser names nothing.
 */
export function coreUnreachableMessage(): string {
  const tried = env.supertokensConnectionUri
    .split(";")
    .map((uri) => withoutCredentials(uri.trim()))
    .join(", ");
  return [
    `${SDK_MESSAGE}: nothing answered at ${tried} (SUPERTOKENS_CONNECTION_URI, by default http://127.0.0.1:<CORE_PORT>).`,
    "Start a core: `npm run dev` starts one with the app; with `npm start`, run `npm run core` in another terminal;",
    "or set SUPERTOKENS_CONNECTION_URI (and SUPERTOKENS_API_KEY) to a core that runs.",
  ].join("\n  ");
}

function withoutCredentials(uri: string): string {
  try {
    const url = new URL(uri);
    url.username = "";
    url.password = "";
    return url.href.replace(/\/$/, "");
  } catch {
    return uri;
  }
}
