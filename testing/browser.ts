/**
 * Makes sure the browser tests have a Chromium, before Playwright starts (`npm run test:e2e`).
 * Order: CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own download. With none there it
 * installs one (apt-get as root on Debian, else `npx playwright install chromium`), or says what
 * to run. playwright.config.ts uses `findChromium()` to pick the same browser.
 */
import { execSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export type Browser = { source: "env" | "system" | "playwright"; executablePath?: string };

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to launch, or undefined when none is installed. */
export function findChromium(): Browser | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && isExecutable(fromEnv)) return { source: "env", executablePath: fromEnv };
  if (isExecutable(SYSTEM_CHROMIUM)) return { source: "system", executablePath: SYSTEM_CHROMIUM };
  // Playwright's own build, if `playwright install chromium` has run; it needs no executablePath.
  if (existsSync(chromium.executablePath())) return { source: "playwright" };
  return undefined;
}

function run(command: string): boolean {
  console.log(`$ ${command}`);
  try {
    execSync(command, { stdio: "inherit" });
    return true;
  } catch {
    return false;
  }
}

function install(): boolean {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    return run(
      "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
    );
  }
  return run("npx --yes playwright install chromium");
}

function main() {
  let browser = findChromium();
  if (!browser) {
    console.log("No Chromium found for the browser tests; installing one.");
    if (install()) browser = findChromium();
  }
  if (!browser) {
    console.error(
      [
        "Could not find or install Chromium for the browser tests. Install one, then re-run:",
        "  Debian/Ubuntu (as root): apt-get install -y chromium",
        "  anywhere else:           npx playwright install --with-deps chromium",
        "  or point to a binary:    CHROMIUM_PATH=/path/to/chromium npm run test:e2e",
      ].join("\n"),
    );
    process.exit(1);
  }
  console.log(`Browser tests use Chromium from ${browser.executablePath ?? "Playwright's cache"}.`);
}

if (require.main === module) main();
