import { expect, test, toasts } from "../testing/playwright";

test("a refused save rolls back, shows the API's reason in a toast and keeps the text", async ({
  signedInPage: page,
}) => {
  // Blank after trimming: the browser's `required` lets it through, the API's schema does not.
  await page.getByLabel("Title", { exact: true }).fill("   ");
  await page.getByLabel("Note", { exact: true }).fill("Kept after the error");
  await page.getByRole("button", { name: "Add note" }).click();

  await expect(toasts(page)).toHaveCount(1);
  await expect(toasts(page)).toContainText("Request failed");
  await expect(toasts(page)).toContainText("title");
  await expect(page.getByText("No notes yet")).toBeVisible();
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("Kept after the error");
});

test("keyboard only: skip link, then write a note without the mouse", async ({
  signedInPage: page,
}) => {
  await page.reload();
  await expect(page.getByText("No notes yet")).toBeVisible();

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // From the start of the main content, the first stops are the form's fields and button.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Title", { exact: true })).toBeFocused();
  await page.keyboard.type("Typed");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Without a mouse");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add note" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Typed" })).toBeVisible();

  // Escape leaves the edit form (Edit is enabled once the server confirmed the note).
  await expect(page.getByText("Saving…")).toHaveCount(0);
  await page.getByRole("button", { name: "Edit “Typed”" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
});

test("the notes list: skeleton while loading, an error state, and recovery", async ({
  signedInPage: page,
}) => {
  // The app's own API (not SuperTokens) is made to fail in the browser, after a delay.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/notes?*", async (route) => {
    await held;
    await route.fulfill({
      status: 500,
      json: { error: { code: "internal_error", message: "The notes database is unavailable" } },
    });
  });
  await page.reload();
  await expect(page.getByRole("list", { name: "Loading notes" })).toBeVisible();

  release();
  await expect(page.getByRole("heading", { name: "Your notes could not be loaded" })).toBeVisible();
  await expect(page.getByText("The notes database is unavailable").first()).toBeVisible();
  await expect(toasts(page)).toContainText("Something went wrong");

  await page.unroute("**/api/notes?*");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByText("No notes yet")).toBeVisible();
});
