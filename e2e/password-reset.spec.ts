import { messageTo } from "../testing/outbox";
import { authForm, expect, signIn, test } from "../testing/playwright";

test("forgot password: request a link, follow it from the outbox, sign in with the new password", async ({
  page,
  stack,
  user,
}) => {
  const { email } = user;

  await page.goto("/auth");
  await page.getByText("Forgot password?").click();
  await expect(page).toHaveURL(/\/auth\/reset-password/);
  // The prebuilt form may render again as it settles: check the value held before submitting.
  await authForm(page).email.fill(email);
  await expect(authForm(page).email).toHaveValue(email);
  await page.getByRole("button", { name: "Email me" }).click();
  await expect(page.getByText(`A password reset email has been sent to ${email}`)).toBeVisible();

  // The app writes mail to the stack's outbox instead of sending it.
  const { link } = await messageTo(stack, email);
  expect(link).toContain("/auth/reset-password?token=");
  expect(new URL(link).origin).toBe(new URL(stack.appUrl).origin);

  await page.goto(link);
  const newPassword = "N3w-passw0rd!";
  const fields = [
    page.locator('input[name="password"]'),
    page.locator('input[name="confirm-password"]'),
  ];
  for (const field of fields) await field.fill(newPassword);
  for (const field of fields) await expect(field).toHaveValue(newPassword);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByText("Your password has been updated successfully")).toBeVisible();

  await signIn(page, { email, password: newPassword });
  await expect(page.getByTestId("session-email")).toHaveText(email);
});

test("a used reset link says so and offers a new one", async ({ page, stack, user }) => {
  const { email } = user;
  await page.goto("/auth/reset-password");
  await authForm(page).email.fill(email);
  await expect(authForm(page).email).toHaveValue(email);
  await page.getByRole("button", { name: "Email me" }).click();
  const { link } = await messageTo(stack, email);
  expect(link).toContain("/auth/reset-password?token=");

  const setPassword = async (password: string) => {
    await page.goto(link);
    const fields = [
      page.locator('input[name="password"]'),
      page.locator('input[name="confirm-password"]'),
    ];
    for (const field of fields) await field.fill(password);
    for (const field of fields) await expect(field).toHaveValue(password);
    await page.locator('button[type="submit"]').click();
  };
  await setPassword("F1rst-passw0rd!");
  await expect(page.getByText("Your password has been updated successfully")).toBeVisible();

  // The same link again: used up. The form says so, and the way out is one click away.
  await setPassword("S3cond-passw0rd!");
  await expect(page.getByText("This reset link was already used or has expired.")).toBeVisible();
  await page.getByRole("link", { name: "Request a new link" }).click();
  await expect(page).toHaveURL(/\/auth\/reset-password$/);
  await expect(page.getByRole("button", { name: "Email me" })).toBeVisible();
});
