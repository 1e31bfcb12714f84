import { noteLimits } from "../config/limits";
import { authForm, expect, signUpThroughForm, test } from "../testing/playwright";
import { PASSWORD, uniqueEmail } from "../testing/users";

test("sign up, manage notes, reload, sign out, and come back through sign-in", async ({ page }) => {
  const email = uniqueEmail("notes");

  await signUpThroughForm(page, email);
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByText("No notes yet")).toBeVisible();
  await expect(page.getByTestId("session-email")).toHaveText(email);

  // Create: the note shows at once (optimistic), then is confirmed by the server.
  const created = page.waitForResponse(
    (r) => r.url().endsWith("/api/notes") && r.request().method() === "POST",
  );
  await page.getByLabel("Title", { exact: true }).fill("Groceries");
  await page.getByLabel("Note", { exact: true }).fill("Milk, eggs, bread");
  await page.getByRole("button", { name: "Add note" }).click();
  const notes = page.getByRole("list", { name: "Notes" });
  await expect(notes.getByRole("heading", { name: "Groceries" })).toBeVisible();
  expect((await created).status()).toBe(201);
  await expect(notes.getByText("Saving…")).toHaveCount(0);

  // Edit.
  await page.getByRole("button", { name: "Edit “Groceries”" }).click();
  const editor = notes
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: "Save" }) });
  await editor.getByLabel("Title", { exact: true }).fill("Groceries for Sunday");
  await editor.getByLabel("Note", { exact: true }).fill("Milk, eggs, bread, coffee");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(notes.getByRole("heading", { name: "Groceries for Sunday" })).toBeVisible();

  // A second note, then delete it.
  await page.getByLabel("Title", { exact: true }).fill("Throwaway");
  await page.getByLabel("Note", { exact: true }).fill("Delete me");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByRole("heading", { name: "Throwaway" })).toBeVisible();
  const deleted = page.waitForResponse((r) => r.request().method() === "DELETE");
  await page.getByRole("button", { name: "Delete “Throwaway”" }).click();
  await expect(notes.getByRole("heading", { name: "Throwaway" })).toHaveCount(0);
  expect((await deleted).status()).toBe(204);

  // Stored on the server: a reload shows the same list.
  await page.reload();
  await expect(notes.getByRole("heading", { name: "Groceries for Sunday" })).toBeVisible();
  await expect(notes.getByText("Milk, eggs, bread, coffee")).toBeVisible();
  await expect(notes.getByRole("heading", { name: "Throwaway" })).toHaveCount(0);

  // Sign out from the shared header.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("home-status")).toContainText("Not signed in");

  // A protected page now sends us to sign in, and back to it afterwards.
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/auth\?.*redirectToPath=%2Fprofile/);
  const form = authForm(page);
  await form.email.fill(email);
  await form.password.fill(PASSWORD);
  await form.submit.click();
  await expect(page).toHaveURL("/profile");
  await expect(page.getByRole("heading", { name: "No name yet" })).toBeVisible();

  // And the notes are still there for this user.
  await page.getByRole("link", { name: "Notes", exact: true }).click();
  await expect(notes.getByRole("heading", { name: "Groceries for Sunday" })).toBeVisible();
});

test("profile: edit your name", async ({ page }) => {
  await signUpThroughForm(page, uniqueEmail("profile"));
  await expect(page).toHaveURL("/dashboard");
  await page.getByRole("link", { name: "Profile" }).click();
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill("Lovelace");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("profile-name")).toHaveText("Ada Lovelace");
  await expect(page.getByRole("status").getByText("Profile saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("profile-name")).toHaveText("Ada Lovelace");

  // The session card uses the other session routes.
  const result = page.getByRole("status").filter({ hasText: ":" });
  await page.getByRole("button", { name: "Verify against the database" }).click();
  await expect(result).toContainText("is still active in the core");
  await page.getByRole("button", { name: "Get an external token" }).click();
  await expect(result).toContainText(/eyJ.*expires/);
  await page.getByRole("button", { name: "Call the hidden route" }).click();
  await expect(result).toContainText("Visible to you");
});

test(`a long list loads ${noteLimits.pageSize} notes at a time`, async ({ page }) => {
  const count = noteLimits.pageSize + 1;
  await signUpThroughForm(page, uniqueEmail("many"));
  await expect(page.getByText("No notes yet")).toBeVisible();
  // One page and one more note through the API, from the page so the SDK attaches (and refreshes)
  // the session.
  await page.evaluate(async (total) => {
    for (let i = 1; i <= total; i++) {
      const response = await fetch("/api/notes", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: `Note ${i}`, body: "bulk" }),
      });
      if (response.status !== 201) throw new Error(`note ${i}: ${response.status}`);
    }
  }, count);

  await page.reload();
  const headings = page.getByRole("list", { name: "Notes" }).getByRole("heading");
  await expect(headings).toHaveCount(noteLimits.pageSize);
  await expect(headings.first()).toHaveText(`Note ${count}`);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(headings).toHaveCount(count);
  await expect(headings.last()).toHaveText("Note 1");
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
});
