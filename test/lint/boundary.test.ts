import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { ESLint } from "eslint";

// Plants an import in a file that does not exist and lints it with the project's own config, so
// the rule is tested exactly as `npm run lint` applies it, for aliases and relative paths alike.
const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, file) });
  assert.ok(result, `no lint result for ${file}`);
  return result.messages
    .filter(
      (m) =>
        m.ruleId === "@typescript-eslint/no-restricted-imports" ||
        m.ruleId === "import/no-restricted-paths" ||
        m.ruleId === "no-restricted-syntax" ||
        m.ruleId === "no-restricted-properties",
    )
    .map((m) => m.message);
}

async function assertRefused(file: string, code: string, why: RegExp) {
  const errors = await boundaryErrors(file, code);
  assert.equal(
    errors.length,
    1,
    `${file}: ${code} should be refused once, got ${errors.join(" | ")}`,
  );
  assert.match(errors[0] ?? "", why);
}

async function assertAllowed(file: string, code: string) {
  assert.deepEqual(await boundaryErrors(file, code), [], `${file}: ${code} should pass`);
}

const shipsServerCode = /would ship server-only code to the browser/;
const holdsSecrets = /hold the server's settings and secrets/;

// Every browser-side folder against every server-side one, by alias, relative path and dynamic
// import(): [file the import is planted in, the import, the reason the refusal must give].
const refused: [file: string, code: string, why: RegExp][] = [
  ["pages/planted.tsx", 'import { seed } from "@/server/seed";', shipsServerCode],
  ["pages/planted.tsx", 'import { appendToOutbox } from "../server/outbox";', shipsServerCode],
  ["pages/admin/planted.tsx", 'import { cors } from "../../middleware/cors";', shipsServerCode],
  ["pages/planted.tsx", 'import { config } from "@/core/config";', shipsServerCode],
  ["pages/planted.tsx", 'import { config } from "../core/config";', shipsServerCode],
  ["pages/planted.tsx", 'import { backendConfig } from "@/config/backendConfig";', holdsSecrets],
  ["pages/planted.tsx", 'import { backendConfig } from "../config/backendConfig";', holdsSecrets],
  [
    "components/Notes/planted.tsx",
    'import { ensureRoles } from "../../server/roles";',
    shipsServerCode,
  ],
  ["components/planted.tsx", 'import { requireRole } from "@/middleware/guards";', shipsServerCode],
  [
    "components/Notes/planted.tsx",
    'import { cors } from "../../middleware/cors";',
    shipsServerCode,
  ],
  ["components/planted.tsx", 'import { config } from "@/core/config";', shipsServerCode],
  ["components/planted.tsx", 'import { config } from "../core/config";', shipsServerCode],
  [
    "components/planted.tsx",
    'import { ensureSuperTokensInit } from "@/config/backendConfig";',
    holdsSecrets,
  ],
  ["lib/api/planted.ts", 'import { seed } from "@/server/seed";', shipsServerCode],
  ["lib/hooks/planted.ts", 'import { listNotes } from "../../server/db/notes";', shipsServerCode],
  ["lib/hooks/planted.ts", 'import { requireRole } from "@/middleware/guards";', shipsServerCode],
  ["lib/api/planted.ts", 'import { config } from "@/core/config";', shipsServerCode],
  ["lib/hooks/planted.ts", 'import handler from "@/pages/api/health";', shipsServerCode],
  ["lib/api/planted.ts", 'import { env } from "../../config/env";', holdsSecrets],
  ["config/frontendConfig.ts", 'import { seed } from "@/server/seed";', shipsServerCode],
  ["config/frontendConfig.ts", 'import { seed } from "../server/seed";', shipsServerCode],
  ["config/frontendConfig.ts", 'import { cors } from "../middleware/cors";', shipsServerCode],
  ["config/frontendConfig.ts", 'import { config } from "@/core/config";', shipsServerCode],
  ["config/frontendConfig.ts", 'import { backendConfig } from "./backendConfig";', holdsSecrets],
  [
    "config/frontendConfig.ts",
    'import { backendConfig } from "@/config/backendConfig";',
    holdsSecrets,
  ],
  ["config/frontendConfig.ts", 'import { env } from "./env";', holdsSecrets],
  ["lib/api/planted.ts", 'export const seed = import("@/server/seed");', shipsServerCode],
  [
    "lib/hooks/planted.ts",
    'export const load = () => import("../../server/db/notes");',
    shipsServerCode,
  ],
  [
    "components/planted.tsx",
    'export const guards = import("@/middleware/guards");',
    shipsServerCode,
  ],
  ["components/planted.tsx", 'export const core = import("../core/config");', shipsServerCode],
  ["pages/planted.tsx", 'export const config = import("@/config/backendConfig");', holdsSecrets],
  ["config/frontendConfig.ts", 'export const config = import("./backendConfig");', holdsSecrets],
];

// Type-only imports are erased at build, so browser code may name a server shape.
const allowed: [file: string, code: string][] = [
  ["lib/api/planted.ts", 'import type { Note } from "@/server/db/notes";'],
  ["lib/hooks/planted.ts", 'import type { Note } from "../../server/db/notes";'],
  ["lib/api/planted.ts", 'import type { Health } from "@/pages/api/health";'],
  ["components/planted.tsx", 'export type { Profile } from "../server/schemas/profile";'],
  ["lib/api/planted.ts", 'export type Notes = typeof import("@/server/db/notes");'],
];

describe("the server/browser boundary", () => {
  for (const [file, code, why] of refused) {
    test(`${file} is refused: ${code}`, () => assertRefused(file, code, why));
  }

  for (const [file, code] of allowed) {
    test(`${file} may name a server type: ${code}`, () => assertAllowed(file, code));
  }

  test("browser code reads settings from config/publicEnv.ts, not process.env", async () => {
    const read = "export const api = process.env.NEXT_PUBLIC_API_DOMAIN;";
    await assertRefused("lib/api/planted.ts", read, /config\/publicEnv\.ts, which checks them/);
    await assertRefused("config/frontendConfig.ts", read, /config\/publicEnv\.ts, which checks/);
    await assertAllowed("config/publicEnv.ts", read);
    await assertAllowed("pages/api/planted.ts", "export const dir = process.env.DATA_DIR;");
  });

  test("API routes are server code and may import it", async () => {
    await assertAllowed("pages/api/planted.ts", 'import { seed } from "@/server/seed";');
  });

  test("the core imports nothing from the app", async () => {
    await assertRefused(
      "core/planted.ts",
      'import { HttpError } from "../server/http-error";',
      /core\/ stands alone/,
    );
    await assertRefused(
      "core/db/planted.ts",
      'import { HttpError } from "@/server/http-error";',
      /core\/ stands alone/,
    );
    await assertAllowed("core/db/planted.ts", 'import { createStore } from "./store";');
    await assertAllowed("core/planted.ts", 'import { SignJWT } from "jose";');
  });

  test("middleware never imports pages", async () => {
    await assertRefused(
      "middleware/planted.ts",
      'import handler from "../pages/api/health";',
      /never imports pages\//,
    );
    await assertRefused(
      "middleware/planted.ts",
      'import handler from "@/pages/api/health";',
      /never imports pages\//,
    );
  });
});
