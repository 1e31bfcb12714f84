import { createApiRouter } from "@/middleware/router";
import { writeLimit } from "@/middleware/rate-limit";
import { jsonBody } from "@/middleware/json-body";
import { requireSession, type SessionRequest } from "@/middleware/session";
import { generateApiKey } from "@/server/api-keys/secret";
import {
  createApiKey,
  listApiKeys,
  type ApiKeyList,
  type CreatedApiKey,
} from "@/server/db/api-keys";
import { createApiKeyInput } from "@/server/schemas/api-key";
import { validate } from "@/server/validate";

/**
 * The signed-in user's API keys. Sessions only: a key can never make, see or revoke keys.
 * The secret is in the creation answer and nowhere else, ever.
 */
const router = createApiRouter<SessionRequest>()
  .use(requireSession({ checkDatabase: true }), jsonBody({ limit: "4kb" }))
  .get(async (req, res) => {
    const apiKeys = await listApiKeys(req.session.getUserId());
    res.status(200).json({ apiKeys } satisfies ApiKeyList);
  })
  .post(writeLimit("keys-write"), async (req, res) => {
    const input = validate(createApiKeyInput, req.body);
    const { key, ...stored } = generateApiKey();
    const apiKey = await createApiKey(req.session.getUserId(), input, stored);
    res.status(201).json({ key, apiKey } satisfies CreatedApiKey);
  });

export default router.handler();
export const config = { api: { bodyParser: false } };
