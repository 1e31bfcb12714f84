/**
 * The kit for Playwright specs: `test` gives a spec, in one line each, a fresh `user`, `admin` or
 * `paidUser` (signed up through the API) and a `signedInPage` (the user signed in through the form).
 *
 *   import { expect, test } from "../testing/playwright";
 *   test("…", async ({ signedInPage: page }) => { … });
 *   test("…", async ({ page, admin }) => { await signIn(page, admin, "/admin"); … });
 *
 * The stack is the one playwright.config.ts starts with testing/stack.ts; its addresses reach the
 * workers as E2E_CORE_URL and E2E_DATA_DIR.
 */
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { expireAccessToken as expireToken } from "./session";
import { PASSWORD, signUp, type TestUser } from "./users";

export { expect };

export type E2eStack = { appUrl: string; coreUrl: string; dataDir: string };

type Fixtures = {
  stack: E2eStack;
  user: TestUser;
  admin: TestUser;
  paidUser: TestUser;
  signedInPage: Page;
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through playwright.config.ts`);
  return value;
}

export const test = base.extend<Fixtures>({
  stack: async ({ baseURL }, use) => {
    await use({
      appUrl: baseURL ?? required("E2E_APP_URL"),
      coreUrl: required("E2E_CORE_URL"),
      dataDir: required("E2E_DATA_DIR"),
    });
  },
  user: async ({ stack }, use) => use(await signUp(stack)),
  admin: async ({ stack }, use) => use(await signUp(stack, { role: "admin" })),
  paidUser: async ({ stack }, use) => use(await signUp(stack, { role: "paid" })),
  signedInPage: async ({ page, user }, use) => {
    await signIn(page, user);
    await use(page);
  },
});

// The prebuilt sign-in UI lives in a shadow root; Playwright's CSS locators pierce it.
export const authForm = (page: Page) => ({
  email: page.locator('input[name="email"]'),
  password: page.locator('input[name="password"]'),
  submit: page.locator('button[type="submit"]'),
});

/** Signs in through the form at /auth and waits for the page it returns to. */
export async function signIn(
  page: Page,
  account: { email: string; password?: string },
  then = "/dashboard",
) {
  await page.goto(`/auth?redirectToPath=${encodeURIComponent(then)}`);
  const form = authForm(page);
  await form.email.fill(account.email);
  await form.password.fill(account.password ?? PASSWORD);
  await form.submit.click();
  await expect(page).toHaveURL(then);
}

/** Signs up through the form at /auth?show=signup. */
export async function signUpThroughForm(page: Page, email: string, password = PASSWORD) {
  await page.goto("/auth?show=signup");
  const form = authForm(page);
  await form.email.fill(email);
  await form.password.fill(password);
  await form.submit.click();
}

/**
 * Expires the browser's access token now (see testing/session.ts): the next protected call gets
 * the SDK's 401 "try refresh token", and the frontend SDK refreshes the session as it would after
 * a real expiry. Cookie sessions keep the token in the API's `sAccessToken` cookie; header
 * sessions in the frontend SDK's own `st-access-token` cookie, on the page's site.
 */
export async function expireAccessToken(context: BrowserContext, stack: { coreUrl: string }) {
  const held = (await context.cookies()).filter(
    (c) => c.name === "sAccessToken" || c.name === "st-access-token",
  );
  if (held.length === 0) throw new Error("The browser holds no access token: sign in first");
  const expired = await Promise.all(
    held.map(async (cookie) => ({ ...cookie, value: await expireToken(stack, cookie.value) })),
  );
  await context.addCookies(expired);
}

/**
 * The app's toasts. Not by role: each toast is role="alert" or "status", and Next's own route
 * announcer is an "alert" too.
 */
export const toasts = (page: Page) =>
  page.getByRole("region", { name: "Notifications" }).locator("li");
