/**
 * Serves route modules in the test's own process through Next's `apiResolver` (the glue `next
 * start` uses for pages/api: query, cookies, `res.status().json()`, the `bodyParser` config), so a
 * test can watch what a response alone cannot show, such as handler promises left pending.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { apiResolver } from "next/dist/server/api-utils/node/api-resolver";

export type InProcessApp = {
  url: string;
  /** Handler promises not settled yet. */
  pending(): number;
  close(): Promise<void>;
};

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
    pending += 1;
    void apiResolver(
      req,
      res,
      {},
      find(pathname),
      { ...context, dev: false },
      false,
      false,
      pathname,
    ).finally(() => (pending -= 1));
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
