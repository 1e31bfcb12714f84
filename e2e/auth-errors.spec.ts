import { authForm, expect, signUpThroughForm, test } from "../testing/playwright";

test("a wrong password shows the SDK's message and keeps you signed out", async ({
  page,
  user,
}) => {
  await page.goto("/auth");
  const form = authForm(page);
  await form.email.fill(user.email);
  await form.password.fill("not-the-password-1");
  await form.submit.click();

  await expect(page.getByText("Incorrect email and password combination")).toBeVisible();
  await expect(page).toHaveURL(/\/auth/);
  await page.goto("/");
  await expect(page.getByTestId("home-status")).toContainText("Not signed in");
});

test("signing up with an email that exists shows the SDK's message", async ({ page, user }) => {
  await signUpThroughForm(page, user.email);

  await expect(page.getByText("This email already exists. Please sign in instead")).toBeVisible();
  await expect(page).toHaveURL(/\/auth/);
});
