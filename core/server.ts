import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ZodError } from "zod";
import { AppRegistry, DEFAULT_APP, DEFAULT_TENANT } from "./apps";
import type { CoreConfigInput } from "./config";
import { openDatabase } from "./db/schema";
import { DEFAULT_CORE_HOST, DEFAULT_CORE_PORT } from "./defaults";
import { createStore, type Store } from "./db/store";
import { HttpError, LOCAL_CORE_HEADER, Reply } from "./http";
import type { Match, Router } from "./router";
import { router, routerWithTestRoutes } from "./routes";

export type CoreOptions = {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir?: string;
  inMemory?: boolean;
  /** API key of the default app. */
  apiKey?: string;
  /** Base config of every app (real-core key names, e.g. `access_token_validity`). */
  config?: CoreConfigInput;
  /** Also serve the test-only routes (core/recipes/testing.ts). */
  testRoutes?: boolean;
};

export type RunningCore = { url: string; port: number; close(): Promise<void> };

const MAX_BODY_BYTES = 1024 * 1024;
const EXPIRED_SESSION_SWEEP_MS = 60 * 60 * 1000;

export async function startCore(options: CoreOptions = {}): Promise<RunningCore> {
  const db = openDatabase(
    options.inMemory ? { inMemory: true } : { dataDir: options.dataDir ?? ".data/core" },
  );
  const store = createStore(db);
  const apps = new AppRegistry(store, options.config ?? {}, options.apiKey);
  const routes = options.testRoutes ? routerWithTestRoutes : router;
  const server = createServer((req, res) => {
    handle(req, res, routes, store, apps).catch((error: unknown) => {
      console.error(`[core] 500 ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) send(res, Reply.text(500, "Internal error"));
      else res.destroy();
    });
  });
  try {
    await apps.init();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? DEFAULT_CORE_PORT, options.host ?? DEFAULT_CORE_HOST, resolve);
    });
  } catch (error) {
    db.close(); // e.g. the port is taken: leave nothing open behind
    throw error;
  }
  const sweep = setInterval(
    () => store.sessions.removeExpired(Date.now()),
    EXPIRED_SESSION_SWEEP_MS,
  );
  sweep.unref();

  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      clearInterval(sweep);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}

/** `[/appid-<app>][/<tenant>]/<api>`, as the real core reads paths. */
function resolvePath(routes: Router, method: string, pathname: string) {
  let segments = pathname.split("/").filter(Boolean);
  let appId = DEFAULT_APP;
  if (segments[0]?.startsWith("appid-")) {
    appId = segments[0].slice("appid-".length);
    segments = segments.slice(1);
  }
  let match: Match = routes.match(method, `/${segments.join("/")}`);
  let tenantId: string | undefined;
  if (!match && segments.length > 1) {
    tenantId = segments[0];
    match = routes.match(method, `/${segments.slice(1).join("/")}`);
  }
  return { appId, tenantId, match };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Router,
  store: Store,
  apps: AppRegistry,
): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://core");
    const method = req.method ?? "GET";
    const { appId, tenantId = DEFAULT_TENANT, match } = resolvePath(routes, method, url.pathname);
    if (!match) throw new HttpError(404, "Not found");
    if ("methodNotAllowed" in match) throw new HttpError(405, "Method not supported");
    const { route } = match;

    const app = await apps.get(appId);
    if (!app) throw new HttpError(400, `AppId or tenantId not found => appId: ${appId}`);
    if (!route.isPublic && !hasValidApiKey(req, app.config.apiKeys)) {
      throw new HttpError(401, "Invalid API key");
    }
    if (!route.allowUnknownTenant && !store.apps.findTenant(app.id, tenantId)) {
      throw new HttpError(400, `AppId or tenantId not found => tenantId: ${tenantId}`);
    }

    const input = method === "GET" ? Object.fromEntries(url.searchParams) : await readJson(req);
    const ctx = { app, tenantId, rid: header(req, "rid"), store, apps };
    const result = await route.handle(ctx, input);
    send(res, result instanceof Reply ? result : Reply.json(result));
  } catch (error) {
    if (error instanceof HttpError) send(res, Reply.text(error.status, error.message));
    else if (error instanceof ZodError) send(res, Reply.text(400, error.issues[0]?.message ?? ""));
    else throw error;
  }
}

/** Accepts `api-key: <key>` (what the SDK sends) or `Authorization: [Bearer ]<key>`. */
function hasValidApiKey(req: IncomingMessage, apiKeys: string[]): boolean {
  if (apiKeys.length === 0) return true;
  const given = header(req, "api-key") ?? header(req, "authorization")?.replace(/^Bearer /i, "");
  if (given === undefined) return false;
  // Compare digests in constant time, so response timing does not reveal a key's prefix.
  const digest = createHash("sha256").update(given).digest();
  return apiKeys.some((key) => timingSafeEqual(digest, createHash("sha256").update(key).digest()));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    req.resume();
    throw new HttpError(413, "Request body too large");
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      throw new HttpError(413, "Request body too large");
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "Invalid JSON input");
  }
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, {
    ...reply.headers,
    [LOCAL_CORE_HEADER]: "1",
    "content-length": Buffer.byteLength(reply.body),
    // A client still sending an oversized body gets its answer and a closed connection.
    ...(reply.status === 413 ? { connection: "close" } : {}),
  });
  res.end(reply.body);
}
