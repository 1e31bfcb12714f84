import path from "node:path";
import { coreConfigSchema } from "./config";
import { startCore } from "./server";

// The CLI behind `npm run core`: every setting comes from the environment (see .env.example).
const env = process.env;
const inMemory = env.CORE_IN_MEMORY === "true";
const dataDir = path.resolve(env.CORE_DATA_DIR ?? ".data/core");
const config = coreConfigSchema.parse(JSON.parse(env.CORE_CONFIG ?? "{}"));

async function main(): Promise<void> {
  const core = await startCore({
    host: env.CORE_HOST ?? "127.0.0.1",
    port: Number(env.CORE_PORT ?? 3567),
    dataDir,
    inMemory,
    apiKey: env.SUPERTOKENS_API_KEY || undefined,
    config,
  });

  console.log(
    `Local development SuperTokens core listening on ${core.url}, data ${inMemory ? "in memory (lost on exit)" : `in ${dataDir}`}; to use a real core instead, set SUPERTOKENS_CONNECTION_URI (and SUPERTOKENS_API_KEY).`,
  );

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void core.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(`Local core failed to start: ${String(error)}`);
  process.exit(1);
});
