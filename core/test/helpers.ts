import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import supertokens from "supertokens-node";
import {
  CollectingResponse,
  errorHandler,
  middleware,
  PreParsedRequest,
} from "supertokens-node/framework/custom";
import EmailPassword from "supertokens-node/recipe/emailpassword";
import Session from "supertokens-node/recipe/session";
import UserMetadata from "supertokens-node/recipe/usermetadata";
import UserRoles from "supertokens-node/recipe/userroles";
import { call, type Reply } from "../../testing/http";
import type { CoreConfigInput } from "../config";
import { startCore, type CoreOptions, type RunningCore } from "../server";

// Test files are not core code: the test password is the kit's, like every other suite's.
export { PASSWORD } from "../../testing/users";

export function startTestCore(options: CoreOptions = {}): Promise<RunningCore> {
  return startCore({ inMemory: true, port: 0, ...options });
}

/** Creates an isolated app (own users, sessions, keys, config) and returns its connection URI. */
export async function createApp(
  core: RunningCore,
  coreConfig: CoreConfigInput = {},
  apiKey?: string,
): Promise<string> {
  const appId = `test-${randomUUID()}`;
  const res = await fetch(`${core.url}/recipe/multitenancy/app/v2`, {
    method: "PUT",
    headers: { "content-type": "application/json", ...(apiKey ? { "api-key": apiKey } : {}) },
    body: JSON.stringify({ appId, coreConfig }),
  });
  if (res.status !== 200) throw new Error(`app creation failed: ${res.status} ${await res.text()}`);
  return `${core.url}/appid-${appId}`;
}

/**
 * `supertokens.init` is process-wide and once only: each test file calls this once
 * (node:test runs every file in its own process).
 */
export function initSdk(
  connectionURI: string,
  options: { apiKey?: string; antiCsrf?: "VIA_TOKEN" | "NONE" } = {},
): void {
  supertokens.init({
    framework: "custom",
    supertokens: { connectionURI, apiKey: options.apiKey },
    appInfo: {
      appName: "core-tests",
      apiDomain: "http://127.0.0.1:1",
      websiteDomain: "http://127.0.0.1:1",
      apiBasePath: "/auth",
    },
    recipeList: [
      EmailPassword.init(),
      Session.init({
        getTokenTransferMethod: () => "header",
        antiCsrf: options.antiCsrf ?? "NONE",
      }),
      UserRoles.init(),
      UserMetadata.init(),
    ],
    telemetry: false,
  });
}

/**
 * The SDK's own HTTP endpoints (`/auth/*`) on a plain node:http server, plus `GET /session`
 * guarded by `Session.getSession` (`?checkDatabase=true` to force a core round-trip).
 */
export async function startSdkServer(): Promise<{
  call(path: string, init?: { method?: string; body?: object; token?: string }): Promise<Reply>;
  close(): Promise<void>;
}> {
  const handleAuth = middleware<PreParsedRequest, CollectingResponse>();
  const handleError = errorHandler();
  const server = createServer(async (req, res) => {
    const request = await preParse(req);
    const response = new CollectingResponse();
    const url = new URL(req.url ?? "/", "http://sdk");
    if (url.pathname === "/session") {
      try {
        const session = await Session.getSession(request, response, {
          checkDatabase: url.searchParams.get("checkDatabase") === "true",
        });
        response.sendJSONResponse({
          userId: session.getUserId(),
          handle: session.getHandle(),
          payload: session.getAccessTokenPayload(),
        });
      } catch (error) {
        await handleError(error, request, response, () => {});
      }
    } else if (!(await handleAuth(request, response)).handled) {
      response.setStatusCode(404);
      response.sendJSONResponse({ message: "not found" });
    }
    response.headers.forEach((value, key) => res.setHeader(key, value));
    res.statusCode = response.statusCode;
    res.end(response.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    // The same JSON request as coreCall's, with the headers a front end sends to the SDK.
    call: (path, init = {}) =>
      coreCall(base + path, {
        method: init.method,
        body: init.body,
        headers: {
          rid: "anti-csrf",
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function preParse(req: IncomingMessage): Promise<PreParsedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString("utf8");
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
  }
  const url = new URL(req.url ?? "/", "http://sdk");
  return new PreParsedRequest({
    url: url.toString(),
    method: (req.method ?? "get").toLowerCase() as "get",
    headers,
    cookies: {},
    query: Object.fromEntries(url.searchParams),
    getJSONBody: async () => (body ? JSON.parse(body) : {}),
    getFormBody: async () => ({}),
  });
}

/**
 * Raw call to the core, for what the SDK never sends (bad input, API keys, app management): a JSON
 * body (a string is sent as is, to send broken JSON), POST when there is one, extra headers such
 * as `api-key`. The answer is the kit's `Reply`: `body` is parsed JSON, `text` the core's
 * plain-text errors.
 */
export function coreCall(
  url: string,
  init: { method?: string; body?: string | object; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return call(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...init.headers },
    body: typeof init.body === "object" ? JSON.stringify(init.body) : init.body,
  });
}
