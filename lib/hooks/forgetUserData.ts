import { mutate, unload } from "swr";
import { greetingKey } from "./useGreeting";
import { healthKey } from "./useHealth";

/**
 * Called whenever the signed-in user changes (sign-in, sign-out, session ended): the next user
 * must never see this one's cached responses. Everything is dropped, and only the public
 * responses are fetched again at once: refetching private ones now would meet a 401.
 */
export function forgetUserData(): void {
  // unload, not mutate(() => true): key filters cannot match useSWRInfinite's keys (the notes).
  unload({ revalidate: false });
  void mutate(healthKey);
  void mutate(greetingKey);
}
