import type { Page } from "@playwright/test";
import { authForm, expect, expireAccessToken, signIn, test, toasts } from "../testing/playwright";

/** Statuses of the responses whose URL contains `part`, in order. */
function record(page: Page, part: string, method = "GET") {
  const statuses: number[] = [];
  page.on("response", (response) => {
    if (response.url().includes(part) && response.request().method() === method) {
      statuses.push(response.status());
    }
  });
  return statuses;
}

// #region expire
test("an expired access token is refreshed silently on the next API call", async ({
  signedInPage: page,
  stack,
}) => {
  await expect(page.getByText("No notes yet")).toBeVisible();

  const refreshes = record(page, "/api/auth/session/refresh", "POST");
  const creates = record(page, "/api/notes", "POST");
  await expireAccessToken(page.context(), stack);

  await page.getByLabel("Title", { exact: true }).fill("After expiry");
  await page.getByLabel("Note", { exact: true }).fill("Saved with a refreshed token");
  await page.getByRole("button", { name: "Add note" }).click();

  const notes = page.getByRole("list", { name: "Notes" });
  await expect(notes.getByRole("heading", { name: "After expiry" })).toBeVisible();
  await expect(notes.getByText("Saving…")).toHaveCount(0);
  // The SDK saw 401 "try refresh token", refreshed, and replayed the call: the user saw nothing.
  expect(creates).toEqual([401, 201]);
  expect(refreshes).toEqual([200]);
  await expect(page).toHaveURL("/dashboard");
  await expect(toasts(page)).toHaveCount(0);
});
// #endregion expire

test("the server-rendered page refreshes an expired session through /refresh-session", async ({
  page,
  stack,
  user,
}) => {
  await signIn(page, user, "/ssr");
  await expect(page.getByTestId("ssr-user-id")).toHaveText(user.userId);

  await expireAccessToken(page.context(), stack);
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest()) documents.push(new URL(request.url()).pathname);
  });
  await page.reload();

  await expect(page).toHaveURL("/ssr");
  await expect(page.getByTestId("ssr-user-id")).toHaveText(user.userId);
  // Expired token → the server redirects → the browser refreshes → back, once.
  expect(documents).toEqual(["/ssr", "/refresh-session", "/ssr"]);
});

test("the server-rendered page sends a signed-out visitor to sign in and back, without a loop", async ({
  page,
  user,
}) => {
  const response = await page.goto("/ssr");
  expect(response?.url()).toMatch(/\/auth\?redirectToPath=%2Fssr$/);
  const form = authForm(page);
  await form.email.fill(user.email);
  await form.password.fill(user.password);
  await form.submit.click();

  await expect(page).toHaveURL("/ssr");
  await expect(page.getByTestId("ssr-user-id")).toHaveText(user.userId);
});

test("a session revoked elsewhere ends cleanly at the next action, keeping the typed note", async ({
  browser,
  user,
}) => {
  test.setTimeout(90_000); // two browsers, two sign-ins, a save and a reload: slow on a busy CI
  const laptop = await browser.newContext();
  const page = await laptop.newPage();
  await signIn(page, user);
  await expect(page.getByText("No notes yet")).toBeVisible();

  // Another device holding the same session signs out: the core revokes the session.
  const phone = await browser.newContext();
  await phone.addCookies(await laptop.cookies());
  const phonePage = await phone.newPage();
  await phonePage.goto("/dashboard");
  await expect(phonePage.getByText("No notes yet")).toBeVisible();
  await phonePage.getByRole("button", { name: "Sign out" }).click();
  await expect(phonePage).toHaveURL("/");

  // The laptop's access token is still a valid JWT, but /api/notes checks the database.
  const creates = record(page, "/api/notes", "POST");
  await page.getByLabel("Title", { exact: true }).fill("Too late");
  await page.getByLabel("Note", { exact: true }).fill("This must not be saved");
  await page.getByRole("button", { name: "Add note" }).click();

  await expect(page).toHaveURL(/\/auth\?.*redirectToPath=%2Fdashboard/);
  await expect(authForm(page).email).toBeVisible();
  expect(creates).toEqual([401]);
  // Nothing to report: sending the user to sign in is the whole answer to a 401.
  await expect(toasts(page)).toHaveCount(0);

  // Signing in again shows that nothing was saved, and gives the typed text back.
  await signIn(page, user);
  await expect(page.getByText("No notes yet")).toBeVisible();
  await expect(page.getByText("Your unsaved note is back.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Too late");
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("This must not be saved");

  // Saved now: the draft is done with, and a reload starts from an empty form.
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Notes" })).toContainText("Too late");
  await expect(page.getByText("Your unsaved note is back.")).toBeHidden();
  await page.reload();
  await expect(page.getByRole("list", { name: "Notes" })).toContainText("Too late");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("");

  await laptop.close();
  await phone.close();
});

test("if the server never sees the refreshed token, /refresh-session stops instead of looping", async ({
  signedInPage: page,
}) => {
  // Like an access-token cookie scoped to another domain: the browser holds a good session, but
  // the server-rendered page's request never carries the token, even after a refresh.
  await page.route("**/ssr", async (route) => {
    const headers = await route.request().allHeaders();
    const cookie = (headers.cookie ?? "")
      .split("; ")
      .filter((pair) => !pair.startsWith("sAccessToken="))
      .join("; ");
    await route.fulfill({
      response: await route.fetch({ headers: { ...headers, cookie }, maxRedirects: 0 }),
    });
  });
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest()) documents.push(new URL(request.url()).pathname);
  });

  await page.goto("/ssr");
  await expect(
    page.getByRole("heading", { name: "Your session could not be restored" }),
  ).toBeVisible();
  expect(documents).toEqual(["/ssr", "/refresh-session", "/ssr", "/refresh-session"]);
});

test("a deliberate sign-out forgets the unsaved note", async ({ page, user }) => {
  await signIn(page, user);
  await page.getByLabel("Title", { exact: true }).fill("Private thought");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");

  await signIn(page, user);
  await expect(page.getByText("No notes yet")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("");
  await expect(page.getByText("Your unsaved note is back.")).toBeHidden();
});
