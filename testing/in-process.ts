/**
 * Serves route modules in the test's own process, so a test can watch what a response alone
 * cannot show, such as handler promises left pending. A pages/api module (a default export) goes
 * through Next's `apiResolver` (the glue `next start` uses: query, cookies, `res.status().json()`,
 * the `bodyParser` config); an App Router module (`GET`, `OPTIONS`, … exports) is called with a
 * `NextRequest`, as Next calls it, and its Response is written back (requests without a body only).
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { apiResolver } from "next/dist/server/api-utils/node/api-resolver";
import { NextRequest } from "next/server";
import { migrate } from "./stack";

export type InProcessApp = {
  url: string;
  /** Handler promises not settled yet. */
  pending(): number;
  close(): Promise<void>;
};

type RouteHandler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type RouteHandlers = Partial<Record<string, RouteHandler>>;

/**
 * The app's own routes, served in this process on a migrated data folder (SQLite in `dataDir`, or
 * the `DATABASE_URL` in `env`). The environment is set first and the routes imported only then:
 * route modules read it when they load.
 */
export async function serveAppInProcess(options: {
  dataDir: string;
  env: Record<string, string>;
  routes: () => Promise<Record<string, unknown>>;
}): Promise<InProcessApp> {
  await migrate(options.dataDir, options.env.DATABASE_URL);
  Object.assign(process.env, { DATA_DIR: options.dataDir, ...options.env });
  return serveInProcess(await options.routes());
}

/** `routes` maps a path (or a prefix ending in `/*`) to a route module. */
export async function serveInProcess(routes: Record<string, unknown>): Promise<InProcessApp> {
  let pending = 0;
  const find = (pathname: string) =>
    Object.entries(routes).find(([path]) =>
      path.endsWith("/*") ? pathname.startsWith(path.slice(0, -1)) : pathname === path,
    )?.[1];
  const context = { previewModeId: "", previewModeEncryptionKey: "", previewModeSigningKey: "" };

  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const routeModule = find(pathname);
    pending += 1;
    const handled = isRouteHandlers(routeModule)
      ? callRouteHandler(routeModule, req, res)
      : apiResolver(req, res, {}, routeModule, { ...context, dev: false }, false, false, pathname);
    void handled.finally(() => (pending -= 1));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pending: () => pending,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function isRouteHandlers(module: unknown): module is RouteHandlers {
  return typeof module === "object" && module !== null && "OPTIONS" in module;
}

async function callRouteHandler(
  handlers: RouteHandlers,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const method = req.method ?? "GET";
  // Next answers HEAD with GET when a route exports no HEAD, and a missing method with 405.
  const handler = handlers[method] ?? (method === "HEAD" ? handlers.GET : undefined);
  if (!handler) {
    res.writeHead(405).end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  const request = new NextRequest(`http://127.0.0.1${req.url}`, { method, headers });
  const response = await handler(request, { params: Promise.resolve({}) });
  res.writeHead(response.status, [...response.headers].flat());
  res.end(Buffer.from(await response.arrayBuffer()));
}
