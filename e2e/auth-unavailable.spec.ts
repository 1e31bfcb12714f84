import { authForm, expect, test } from "../testing/playwright";
import { freePort, startStack, type Stack } from "../testing/stack";
import { PASSWORD, uniqueEmail } from "../testing/users";

// An app whose core does not answer: a port where nothing listens. The app itself is real.
let stack: Stack;
test.beforeAll(async () => {
  const deadCore = `http://127.0.0.1:${await freePort()}`;
  stack = await startStack({ env: { SUPERTOKENS_CONNECTION_URI: deadCore } });
});
test.afterAll(() => stack?.stop());

test("with the auth core down, the sign-in form says sign-in is temporarily unavailable", async ({
  browser,
}) => {
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
  await page.screenshot({ path: "test-results/auth-unavailable.png", animations: "disabled" });
  await context.close();
});
