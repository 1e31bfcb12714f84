import { authForm, expect, test } from "../testing/playwright";
import { freePort, startStack, type Stack } from "../testing/stack";
import { PASSWORD, uniqueEmail } from "../testing/users";

// Real apps whose dependency does not answer: a port where nothing listens.
const nowhere = async () => `127.0.0.1:${await freePort()}`;

test.describe("the auth core is down", () => {
  let stack: Stack;
  test.beforeAll(async () => {
    stack = await startStack({ env: { SUPERTOKENS_CONNECTION_URI: `http://${await nowhere()}` } });
  });
  test.afterAll(() => stack?.stop());

  test("the sign-in form says sign-in is temporarily unavailable", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: stack.appUrl });
    const page = await context.newPage();
    await page.goto("/auth");
    const form = authForm(page);
    await form.email.fill(uniqueEmail("waiting"));
    await form.password.fill(PASSWORD);
    await form.submit.click();
    await expect(
      page.getByText("Sign-in is temporarily unavailable. Please try again in a moment."),
    ).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await expect(page.getByText("Auth core: down")).toBeVisible();
    await page.screenshot({ path: "test-results/auth-unavailable.png", animations: "disabled" });
    await context.close();
  });
});

test.describe("the database is down", () => {
  let stack: Stack;
  test.beforeAll(async () => {
    // Not migrated: nothing answers to migrate, and the app starts anyway (requests get 503).
    const databaseUrl = `postgres://app:secret@${await nowhere()}/app`;
    stack = await startStack({ databaseUrl, migrate: false });
  });
  test.afterAll(() => stack?.stop());

  test("the footer says which dependency is down", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: stack.appUrl });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByText("Database: down")).toBeVisible();
    await expect(page.getByText("Auth core: up")).toBeVisible();
    await page.screenshot({ path: "test-results/database-down.png", animations: "disabled" });
    await context.close();
  });
});
