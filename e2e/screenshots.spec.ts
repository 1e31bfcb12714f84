import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../testing/playwright";
import { signUp, uniqueEmail } from "../testing/users";

// Pictures of the main pages. A test run writes them under test-results/ so that `npm test` leaves
// the tree clean (the e-mails in them change every run); `UPDATE_SCREENSHOTS=1 npm run test:e2e`
// refreshes the committed copies in e2e/screenshots/ that the README shows. Viewport-sized PNGs of a
// flat UI stay small.
const folder =
  process.env.UPDATE_SCREENSHOTS === "1" ? "e2e/screenshots" : "test-results/screenshots";
const shoot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({
    path: `${folder}/${name}.png`,
    animations: "disabled",
    caret: "hide",
    fullPage,
  });

test("screenshots of the main pages", async ({ page, stack }) => {
  test.slow(); // a tour of every page, one after the other
  await page.goto("/");
  await expect(page.getByTestId("home-status")).toContainText("Not signed in");
  await expect(page.getByText("Auth core: up")).toBeVisible();
  await shoot(page, "home");

  await page.goto("/auth");
  await expect(page.locator('input[name="email"]')).toBeVisible();
  await shoot(page, "sign-in");

  await signIn(page, await signUp(stack, { role: "admin", email: uniqueEmail("ada") }));
  await expect(page.getByText("No notes yet")).toBeVisible();
  await shoot(page, "dashboard-empty");

  for (const [title, body] of [
    ["Launch checklist", "Rotate the API key, check CORS origins, run the e2e suite."],
    ["Reading list", "Stack notes on next-connect and SuperTokens SSR guidance."],
    ["Ideas", "A cross-origin demo with header-based sessions."],
  ]) {
    await page.getByLabel("Title", { exact: true }).fill(title!);
    await page.getByLabel("Note", { exact: true }).fill(body!);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
  }
  await expect(page.getByText("Saving…")).toHaveCount(0);
  await shoot(page, "dashboard");

  await page.getByRole("link", { name: "Profile" }).click();
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill("Lovelace");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("profile-name")).toHaveText("Ada Lovelace");
  await page.getByRole("button", { name: "Dismiss notification" }).click();
  await shoot(page, "profile");

  await page.getByRole("link", { name: "API keys" }).click();
  for (const [name, expiry, write] of [
    ["Nightly backup", "90 days", true],
    ["Reporting server", "Never", false],
  ] as const) {
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Expires after").selectOption({ label: expiry });
    await page.getByRole("checkbox", { name: /notes:write/ }).setChecked(write);
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
  }
  await expect(page.getByTestId("new-api-key")).toBeVisible();
  await shoot(page, "api-keys", true); // the secret shown once, and the list below it

  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
  await shoot(page, "admin");

  await page.getByRole("link", { name: "Premium" }).click();
  await expect(page.getByTestId("denied-reason")).toBeVisible();
  await shoot(page, "premium-denied");

  await page.getByRole("link", { name: "Server-rendered" }).click();
  await expect(page.getByTestId("ssr-user-id")).toBeVisible();
  await shoot(page, "server-rendered");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "Notes", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Ideas" })).toBeVisible();
  await shoot(page, "dashboard-mobile");
});
