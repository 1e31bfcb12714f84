import { expect, signIn, test, toasts } from "../testing/playwright";
import { signUp } from "../testing/users";

test("a free user sees why the admin and premium pages are closed", async ({
  signedInPage: page,
}) => {
  await page.getByRole("link", { name: "Premium" }).click();
  await expect(page.getByRole("heading", { name: "Upgrade to see insights" })).toBeVisible();
  await expect(page.getByTestId("denied-reason")).toHaveText(
    "Plan required: your plan does not include “premium:read”.",
  );

  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(page.getByTestId("denied-reason")).toHaveText("This needs the “admin” role.");
  // The page explains the 403 itself: no error toast on top.
  await expect(toasts(page)).toHaveCount(0);
});

test("an admin sees every user on the admin page", async ({ page, admin, user: other }) => {
  await signIn(page, admin, "/admin");
  const table = page.getByRole("table", { name: "Users" });
  await expect(table.getByRole("row").filter({ hasText: admin.email })).toContainText("admin");
  await expect(table.getByRole("row").filter({ hasText: other.email })).toBeVisible();
});

// #region paid
test("a paid user sees premium insights", async ({ page, paidUser }) => {
  await signIn(page, paidUser);
  await page.getByLabel("Title", { exact: true }).fill("Plan");
  await page.getByLabel("Note", { exact: true }).fill("three words here");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("heading", { name: "Plan" })).toBeVisible();
  await expect(page.getByText("Saving…")).toHaveCount(0);

  await page.getByRole("link", { name: "Premium" }).click();
  const insights = page.getByRole("region", { name: "Insights" });
  await expect(insights.getByText("Paid plan")).toBeVisible();
  await expect(insights.getByRole("definition").first()).toHaveText("1");
});
// #endregion paid

test("two users in two browsers never see each other's notes", async ({ browser, stack }) => {
  const [alice, bob] = await Promise.all([signUp(stack), signUp(stack)]);
  const [aliceContext, bobContext] = [await browser.newContext(), await browser.newContext()];
  const [alicePage, bobPage] = [await aliceContext.newPage(), await bobContext.newPage()];
  await Promise.all([signIn(alicePage, alice), signIn(bobPage, bob)]);

  const aliceCreate = alicePage.waitForResponse(
    (r) => r.url().endsWith("/api/notes") && r.request().method() === "POST" && r.status() === 201,
  );
  for (const [page, title] of [
    [alicePage, "Alice's secret"],
    [bobPage, "Bob's secret"],
  ] as const) {
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Note", { exact: true }).fill("for my eyes only");
    await page.getByRole("button", { name: "Add note" }).click();
  }
  const aliceNoteId = ((await (await aliceCreate).json()) as { id: string }).id;

  await Promise.all([alicePage.reload(), bobPage.reload()]);
  const aliceNotes = alicePage.getByRole("list", { name: "Notes" });
  const bobNotes = bobPage.getByRole("list", { name: "Notes" });
  await expect(aliceNotes.getByRole("heading")).toHaveText(["Alice's secret"]);
  await expect(bobNotes.getByRole("heading")).toHaveText(["Bob's secret"]);

  // Alice's note by id: 200 for Alice, 404 for Bob, as if it did not exist. (Fetched from the
  // pages, so the SDK refreshes a short-lived token first if it has expired.)
  const statusFor = (page: typeof alicePage) =>
    page.evaluate(async (id) => (await fetch(`/api/notes/${id}`)).status, aliceNoteId);
  expect(await statusFor(alicePage)).toBe(200);
  expect(await statusFor(bobPage)).toBe(404);

  await aliceContext.close();
  await bobContext.close();
});
