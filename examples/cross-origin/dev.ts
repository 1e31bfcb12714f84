/**
 * `npm run dev:cross-origin`: the app (`npm run dev`, with its local core) and this example (Vite)
 * side by side. The app's ALLOWED_ORIGINS gains the example's two origins: localhost (same site as
 * the API: cookie sessions work) and 127.0.0.1 (another site: use VITE_SESSION_TRANSPORT=header).
 * An app already running on API_DOMAIN's port is reused when it allows this page's origin.
 * Ctrl-C, or either of them exiting, stops both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import { whoHolds } from "../../scripts/running-app";

const env = z
  .object({
    API_DOMAIN: z.url().default("http://localhost:3000"),
    ALLOWED_ORIGINS: z.string().optional(),
    EXAMPLE_PORT: z.coerce.number().int().min(1).max(65535).default(5173),
    VITE_SESSION_TRANSPORT: z.enum(["cookie", "header"]).default("cookie"),
  })
  .parse(process.env);

const root = path.resolve(__dirname, "../..");
const apiUrl = new URL(env.API_DOMAIN);
const exampleOrigins = [
  `http://localhost:${env.EXAMPLE_PORT}`,
  `http://127.0.0.1:${env.EXAMPLE_PORT}`,
];
// Cookie sessions need this page on the API's site (localhost); header sessions work from any site,
// and 127.0.0.1 shows it. Vite serves, and prints, that address (vite.config.ts).
const exampleUrl = exampleOrigins[env.VITE_SESSION_TRANSPORT === "header" ? 1 : 0] ?? "";
// The app's own origin stays on the list: it is the default that this variable replaces.
const allowedOrigins = [env.ALLOWED_ORIGINS ?? apiUrl.origin, ...exampleOrigins].join(",");
const viteBin = path.join(path.dirname(require.resolve("vite/package.json")), "bin/vite.js");

const appPort = Number(apiUrl.port || (apiUrl.protocol === "https:" ? "443" : "80"));

const children: ChildProcess[] = [];

async function main(): Promise<void> {
  if ((await whoHolds(env.EXAMPLE_PORT)).kind !== "free") {
    throw new Error(
      `Port ${env.EXAMPLE_PORT} is taken (another npm run dev:cross-origin?). Stop it, or set EXAMPLE_PORT to a free port.`,
    );
  }
  const app = await whoHolds(appPort);
  if (app.kind === "free") {
    children.push(
      // localhost: printed as the address to open, and kept off the network.
      start(
        ["--import", "tsx", "scripts/dev.ts", "--hostname", "localhost", "--port", `${appPort}`],
        {
          API_DOMAIN: apiUrl.origin,
          ALLOWED_ORIGINS: allowedOrigins,
        },
      ),
    );
  } else if (app.kind === "app" && (await allows(app.url, exampleUrl))) {
    console.log(`Reusing the app already running on ${apiUrl.origin}: it allows ${exampleUrl}.`);
  } else if (app.kind === "app") {
    throw new Error(
      `The app is already running on port ${appPort} (npm run dev?), without this example's origins in ALLOWED_ORIGINS, so the browser would refuse every call. Stop it (Ctrl+C in its terminal), then run npm run dev:cross-origin again: it starts the app with them.`,
    );
  } else {
    throw new Error(
      `Port ${appPort} is taken by another program. Stop it, or run the app on another port: API_DOMAIN=http://localhost:${appPort + 1} npm run dev:cross-origin`,
    );
  }
  children.push(
    start(
      [
        viteBin,
        "--config",
        "examples/cross-origin/vite.config.ts",
        "--port",
        `${env.EXAMPLE_PORT}`,
        "--strictPort",
      ],
      { VITE_API_DOMAIN: apiUrl.origin, VITE_SESSION_TRANSPORT: env.VITE_SESSION_TRANSPORT },
    ),
  );
  for (const child of children) child.once("exit", (code) => stopAll(code ?? 0));
  console.log(
    `cross-origin example: open ${exampleUrl} (${env.VITE_SESSION_TRANSPORT} sessions) → API ${apiUrl.origin}, ALLOWED_ORIGINS=${allowedOrigins}`,
  );
}

/** Whether the running app's CORS link lets `origin` read its answers. */
async function allows(appUrl: string, origin: string): Promise<boolean> {
  const res = await fetch(`${appUrl}/api/health`, { headers: { origin } });
  return res.headers.get("access-control-allow-origin") === origin;
}

let stopping = false;
function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  }
}
process.once("SIGINT", () => stopAll(130));
process.once("SIGTERM", () => stopAll(143));

function start(args: string[], extraEnv: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...extraEnv },
    stdio: "inherit",
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
