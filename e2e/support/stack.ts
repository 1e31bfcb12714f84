// Addresses of the stack that playwright.config.ts started (captured from its "stack ready" line).
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through playwright.config.ts`);
  return value;
}

export const coreUrl = () => required("E2E_CORE_URL");
export const dataDir = () => required("E2E_DATA_DIR");

/** Access tokens of the test stack live this long (playwright.config.ts passes it to the core). */
export const ACCESS_TOKEN_SECONDS = 5;
