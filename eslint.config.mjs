import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The direction of imports is the architecture (docs/decisions/0007-server-browser-boundary.md).
// Browser code may name a server shape as a type (erased at build), never import server code:
// that would ship it, and what it reads (secrets, the database driver), to every visitor.
const browserCode = [
  "pages/**/*.{ts,tsx}",
  "components/**/*.{ts,tsx}",
  "lib/**/*.{ts,tsx}",
  "config/frontendConfig.ts",
  "config/publicEnv.ts",
];
// Aliases (`@/server/x`, `@/pages/api/x`) and relative paths (`../../server/x`, `./backendConfig`) alike.
const serverOnly = [
  {
    regex: "^(?:@/|(?:\\.{1,2}/)+)(?:server|middleware|core|pages/api)(?:/|$)",
    message:
      "Browser code cannot import server/, middleware/, core/ or pages/api/: it would ship server-only code to the browser. Import a shape with `import type`, or call the API through lib/api.",
    allowTypeImports: true,
  },
  {
    regex: "^(?:@/config/|(?:\\.{1,2}/)+(?:config/)?)(?:backendConfig|env)$",
    message:
      "Browser code cannot import config/backendConfig.ts or config/env.ts: they hold the server's settings and secrets. Use config/frontendConfig.ts or config/publicEnv.ts.",
    allowTypeImports: true,
  },
];
// `import("@/server/x")` is not an import declaration, so no-restricted-imports never sees it; the
// same patterns refuse it as syntax. (esquery's regex literal cannot hold a slash, hence \x2F.)
const serverOnlyDynamic = serverOnly.map(({ regex, message }) => ({
  selector: `ImportExpression[source.value=/${regex.replaceAll("/", "\\x2F")}/]`,
  message,
}));

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // No React here: Playwright's fixtures call `use`, and node:test suites call `useStack()`.
    files: ["testing/**", "test/**", "e2e/**", "core/test/**", "bench/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: browserCode,
    ignores: ["pages/api/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: serverOnly }],
      "no-restricted-syntax": ["error", ...serverOnlyDynamic],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Browser code reads its settings from config/publicEnv.ts, which checks them once (and is the one place Next can inline them).",
        },
      ],
    },
  },
  {
    files: ["config/publicEnv.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Resolved paths, so an alias and a relative path are caught alike.
    files: ["core/**/*.ts", "middleware/**/*.ts"],
    ignores: ["core/test/**"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: "./core",
              from: "./",
              except: ["./core", "./node_modules"],
              message:
                "core/ stands alone (it plays the SuperTokens core the app talks to over HTTP): it imports nothing from the app.",
            },
            {
              target: "./middleware",
              from: "./app",
              message:
                "middleware/ holds the links of every route's chain; it never imports app/ (route handlers import middleware, not the other way round).",
            },
            {
              target: "./middleware",
              from: "./pages",
              message:
                "middleware/ holds the links of every route's chain; it never imports pages/ (routes import middleware, not the other way round).",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    "node_modules/**",
    ".next/**",
    ".next-*/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "examples/*/dist/**",
    "next-env.d.ts",
  ]),
]);
