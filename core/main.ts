import path from "node:path";
import { z } from "zod";
import { coreConfigSchema } from "./config";
import { DEFAULT_CORE_HOST, DEFAULT_CORE_PORT } from "./defaults";
import { startCore } from "./server";

// The CLI behind `npm run core`: every setting comes from the environment, checked at start.
const envSchema = z.object({
  CORE_HOST: z.string().default(DEFAULT_CORE_HOST),
  CORE_PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_CORE_PORT),
  CORE_DATA_DIR: z.string().default(".data/core"),
  CORE_IN_MEMORY: z.enum(["true", "false"]).default("false"),
  SUPERTOKENS_API_KEY: z.string().optional(),
  CORE_TEST_ROUTES: z.enum(["true", "false"]).default("false"),
  CORE_CONFIG: z
    .string()
    .default("{}")
    .transform((json, ctx) => {
      try {
        return JSON.parse(json) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "is not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(coreConfigSchema),
});

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  const env = parsed.data;
  const inMemory = env.CORE_IN_MEMORY === "true";
  const dataDir = path.resolve(env.CORE_DATA_DIR);
  const core = await startCore({
    host: env.CORE_HOST,
    port: env.CORE_PORT,
    dataDir,
    inMemory,
    apiKey: env.SUPERTOKENS_API_KEY || undefined,
    config: env.CORE_CONFIG,
    testRoutes: env.CORE_TEST_ROUTES === "true",
  });

  const data = inMemory ? "in memory (lost on exit)" : `in ${dataDir}`;
  console.log(
    `Local development SuperTokens core listening on ${core.url}, data ${data}; to use a real core instead, set SUPERTOKENS_CONNECTION_URI (and SUPERTOKENS_API_KEY).`,
  );

  const stop = () => void core.close().then(() => process.exit(0));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
  // Started by a parent with an IPC channel (npm run dev, the test stack): when that parent dies,
  // however it dies, the channel closes and the core stops with it instead of holding its port.
  if (process.send) process.once("disconnect", stop);
}

main().catch((error: unknown) => {
  const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
  const hint = inUse ? " (another core already running? set CORE_PORT to another port)" : "";
  console.error(`The local core did not start: ${String(error)}${hint}`);
  process.exit(1);
});
