import useSWR from "swr";
import type { Greeting } from "@/lib/api/types";

export const greetingKey = "/greeting";

/** GET /api/greeting: public, but answers signed-in visitors differently. */
export const useGreeting = ({ enabled }: { enabled: boolean }) =>
  useSWR<Greeting>(enabled ? greetingKey : null).data;
