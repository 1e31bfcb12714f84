import useSWR from "swr";
import { api } from "@/lib/api";
import type { Me, Profile } from "@/lib/api/types";

/** The signed-in user. Pass `enabled: false` while there is no session, so nothing is fetched. */
export function useMe({ enabled = true }: { enabled?: boolean } = {}) {
  const { data, error, isLoading, mutate } = useSWR<Me>(enabled ? "/me" : null);

  async function updateProfile(profile: Profile) {
    await mutate(api.patch<Me>("/me", profile), {
      optimisticData: data ? { ...data, profile } : undefined,
      rollbackOnError: true,
      // The PATCH answers with the saved user: no second GET needed.
      revalidate: false,
    });
  }

  return { me: data, error, isLoading, updateProfile };
}
