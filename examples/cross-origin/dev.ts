/**
 * `npm run dev:cross-origin`: the app (`npm run dev`, with its local core) and this example (Vite)
 * side by side. The app's ALLOWED_ORIGINS gains the example's two origins: localhost (same site as
 * the API: cookie sessions work) and 127.0.0.1 (another site: use VITE_SESSION_TRANSPORT=header).
 * Ctrl-C, or either of them exiting, stops both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { z } from "zod";

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
// The app's own origin stays on the list: it is the default that this variable replaces.
const allowedOrigins = [env.ALLOWED_ORIGINS ?? apiUrl.origin, ...exampleOrigins].join(",");
const viteBin = path.join(path.dirname(require.resolve("vite/package.json")), "bin/vite.js");

const appPort = apiUrl.port || (apiUrl.protocol === "https:" ? "443" : "80");

const children: ChildProcess[] = [
  start(["--import", "tsx", "scripts/dev.ts", "--hostname", "127.0.0.1", "--port", appPort], {
    API_DOMAIN: apiUrl.origin,
    ALLOWED_ORIGINS: allowedOrigins,
  }),
  start(
    [viteBin, "--config", "examples/cross-origin/vite.config.ts", "--port", `${env.EXAMPLE_PORT}`],
    {
      VITE_API_DOMAIN: apiUrl.origin,
    },
  ),
];

const exampleUrl = env.VITE_SESSION_TRANSPORT === "header" ? exampleOrigins[1] : exampleOrigins[0];
console.log(
  `cross-origin example: open ${exampleUrl} (${env.VITE_SESSION_TRANSPORT} sessions) → API ${apiUrl.origin}, ALLOWED_ORIGINS=${allowedOrigins}`,
);

let stopping = false;
function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  }
}
for (const child of children) child.once("exit", (code) => stopAll(code ?? 0));
process.once("SIGINT", () => stopAll(130));
process.once("SIGTERM", () => stopAll(143));

function start(args: string[], extraEnv: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...extraEnv },
    stdio: "inherit",
  });
}
