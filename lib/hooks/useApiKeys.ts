import useSWR from "swr";
import { api } from "@/lib/api";
import type { ApiKey, ApiKeyInput, ApiKeyList, CreatedApiKey } from "@/lib/api/types";

/** The user's API keys, with create (which returns the secret, once) and revoke. */
export function useApiKeys() {
  const { data, error, isLoading, mutate } = useSWR<ApiKeyList>("/keys");

  async function createKey(input: ApiKeyInput): Promise<string> {
    const { key, apiKey } = await api.post<CreatedApiKey>("/keys", input);
    await mutate((list) => ({ apiKeys: [apiKey, ...(list?.apiKeys ?? [])] }), {
      revalidate: false,
    });
    return key;
  }

  async function revokeKey(key: ApiKey) {
    const without = (list?: ApiKeyList) => ({
      apiKeys: (list?.apiKeys ?? []).filter((other) => other.id !== key.id),
    });
    await mutate(
      async (list) => {
        await api.delete(`/keys/${key.id}`);
        return without(list);
      },
      { optimisticData: without, rollbackOnError: true, revalidate: false },
    );
  }

  return { apiKeys: data?.apiKeys, error, isLoading, createKey, revokeKey };
}
