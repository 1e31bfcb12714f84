import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./testing/browser";

// An unusual fixed port, so the suite does not collide with a dev server on 3000.
const port = Number(process.env.E2E_PORT ?? 3910);

const browser = findChromium();

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  // Every test signs up its own users, so tests run in parallel, also within a file.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  // One retry in CI, where two workers share two cores with the servers: a test that passes only on
  // its retry is reported as flaky, with the failed attempt's trace kept in test-results/.
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: browser?.executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // The app (`next start` from the existing build) and the local core, on their own temp data.
  webServer: {
    command: "node --import tsx testing/stack.ts",
    env: { APP_PORT: String(port) },
    // The stack prints its addresses once both servers answer; the named groups become
    // E2E_CORE_URL and E2E_DATA_DIR for the kit's fixtures (testing/playwright.ts).
    wait: {
      stdout:
        /stack ready: app (?<e2e_app_url>\S+), core (?<e2e_core_url>\S+), data (?<e2e_data_dir>\S+)\n/,
    },
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    reuseExistingServer: false,
  },
});
