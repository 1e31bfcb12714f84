import { authForm, expect, signIn, test } from "../testing/playwright";
import { startStack, type Stack } from "../testing/stack";
import { authAttempt, PASSWORD, signUp } from "../testing/users";

/** Wrong passwords through the API, as a script guessing would send them. */
async function failSignIns(stack: { appUrl: string }, email: string, times: number) {
  for (let i = 0; i < times; i++) {
    const reply = await authAttempt(stack, "signin", email, "not-the-password-1");
    expect(reply.body).toEqual({ status: "WRONG_CREDENTIALS_ERROR" });
  }
}

test("the sign-in form says how long a locked account must wait, even for the right password", async ({
  page,
  stack,
  user,
}) => {
  const { email } = user;
  await failSignIns(stack, email, 9); // the default lockout comes with the 10th failure

  await page.goto("/auth");
  const form = authForm(page);
  await form.email.fill(email);
  await form.password.fill("not-the-password-1");
  await form.submit.click();
  const message = page.getByText("Too many attempts. Try again in 5 minutes.");
  await expect(message).toBeVisible();
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await page.screenshot({ path: "test-results/rate-limit-sign-in.png", animations: "disabled" });

  await form.password.fill(PASSWORD);
  await form.submit.click();
  await expect(message).toBeVisible();
  await expect(page).toHaveURL(/\/auth/);
});

test.describe("a route's limit", () => {
  // A stack of its own: the shared one leaves writes practically unlimited.
  let stack: Stack;
  test.beforeAll(async () => {
    stack = await startStack({ env: { RATE_LIMIT_WRITES_PER_MINUTE: "1" } });
  });
  test.afterAll(() => stack?.stop());

  test("a refused write shows the wait in a toast and keeps what was typed", async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: stack.appUrl });
    const page = await context.newPage();
    await signIn(page, await signUp(stack));

    for (const title of ["First", "Second"]) {
      await page.getByLabel("Title", { exact: true }).fill(title);
      await page.getByLabel("Note", { exact: true }).fill("text");
      await page.getByRole("button", { name: "Add note" }).click();
    }
    const toast = page.getByRole("region", { name: "Notifications" }).getByRole("alert");
    await expect(toast).toContainText("Please wait");
    await expect(toast).toContainText("Too many requests.");
    await expect(toast).toContainText(/Try again in \d+ (seconds?|minute)\./);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Second");
    await page.screenshot({ path: "test-results/rate-limit-toast.png", animations: "disabled" });
    await context.close();
  });
});
