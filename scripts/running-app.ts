import net from "node:net";
import { z } from "zod";

/**
 * Who holds a port before a dev script starts a server on it: nobody, this app (its `/api/health`
 * answers), or another program. Without this check `next dev` moves to the next free port and
 * Vite's example dies with EADDRINUSE, both after printing "ready".
 */
export type PortHolder = { kind: "free" } | { kind: "app"; url: string } | { kind: "other" };

// This app's health answer, whatever its status: `{ "status": "ok", "core": "up", … }`.
const healthBody = z.object({ status: z.enum(["ok", "degraded"]), core: z.enum(["up", "down"]) });

export async function whoHolds(port: number): Promise<PortHolder> {
  if (await canListen(port)) return { kind: "free" };
  for (const host of ["127.0.0.1", "[::1]"]) {
    const url = `http://${host}:${port}`;
    if (await isThisApp(url)) return { kind: "app", url };
  }
  return { kind: "other" };
}

/** Whether an origin's `/api/health` is this app's (any status: a 503 is still this app). */
export async function isThisApp(origin: string, headers: Record<string, string> = {}) {
  try {
    const res = await fetch(`${origin}/api/health`, {
      headers,
      signal: AbortSignal.timeout(2_000),
    });
    return healthBody.safeParse(await res.json()).success;
  } catch {
    return false;
  }
}

// Listening on every address (as `next dev` does by default) fails when any server holds the port,
// on 127.0.0.1, ::1 or all addresses.
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
