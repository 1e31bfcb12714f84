/**
 * `npm run seed`: creates the roles and three demo users (admin, paid, free) in the core named by
 * SUPERTOKENS_CONNECTION_URI (default: the local core on CORE_PORT). Safe to run again.
 */
import { env } from "@/config/env";
import { ensureSuperTokensInit } from "@/config/backendConfig";
import { demoPassword, seedDemoUsers } from "@/server/seed";

async function main() {
  ensureSuperTokensInit();
  const users = await seedDemoUsers();
  console.log(`Seeded ${env.supertokensConnectionUri}. Sign in with:`);
  console.table(
    users.map(({ email, role }) => ({ email, password: demoPassword, role: role ?? "(free)" })),
  );
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error("Is the core running? Start it with `npm run core` (or `npm run dev`).");
  process.exit(1);
});
