import { env } from "@/config/env";

/** Whether the SuperTokens core answers (its `/hello`), within a second. */
export async function coreIsUp(): Promise<boolean> {
  // The connection URI may list several cores separated by ";": the first one is the main one.
  const [first = ""] = env.supertokensConnectionUri.split(";");
  try {
    const response = await fetch(new URL("hello", `${first.replace(/\/?$/, "/")}`), {
      signal: AbortSignal.timeout(1_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
