import { createApiRouter } from "@/middleware/router";
import { jsonBody } from "@/middleware/json-body";
import { superTokensApi } from "@/middleware/auth-api";

/** SuperTokens' endpoints under /api/auth: sign-up, sign-in, sign-out, refresh, password reset, JWKS. */
const router = createApiRouter()
  .use(jsonBody({ limit: "16kb" }))
  .all(superTokensApi);

export default router.handler();

// Our JSON body link parses (with a size limit) before the SDK reads `req.body`.
export const config = { api: { bodyParser: false } };
