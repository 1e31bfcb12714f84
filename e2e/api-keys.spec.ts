import { request } from "@playwright/test";
import { expect, signIn, test } from "../testing/playwright";

// A key made in the UI works from outside the browser (a request context with no cookies), until
// it is revoked in the UI.
test("create a key, use it from a script, revoke it, and it stops working", async ({
  page,
  baseURL,
  context,
  user,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, user);

  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page).toHaveURL("/keys");
  await expect(page.getByText("No API keys yet")).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Nightly export");
  await page.getByRole("checkbox", { name: /notes:write/ }).check();
  await page.getByLabel("Expires after").selectOption({ label: "30 days" });
  await page.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^nsk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  const key = (await shown.textContent()) ?? "";
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const row = page.getByRole("row").filter({ hasText: "Nightly export" });
  await expect(row).toContainText(key.slice(0, 16));
  await expect(row).toContainText("notes:read");
  await expect(row).toContainText("notes:write");
  await expect(row.getByRole("cell").nth(4)).toHaveText("Never");

  // Outside the browser: no cookies, only the key.
  const script = await request.newContext({ baseURL });
  try {
    const headers = { authorization: `Bearer ${key}` };
    const created = await script.post("/api/notes", {
      headers,
      data: { title: "From a script", body: "Written with an API key" },
    });
    expect(created.status()).toBe(201);
    const listed = await script.get("/api/notes", { headers });
    expect(listed.status()).toBe(200);

    // The key was used: the list says so after a reload, and the secret is not shown again.
    await page.reload();
    await expect(row.getByRole("cell").nth(4)).not.toHaveText("Never");
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);
    await expect(page.getByText(key.slice(17))).toHaveCount(0);

    await row.getByRole("button", { name: "Revoke “Nightly export”" }).click();
    // The list drops the key at once (optimistic); the server's 204 is what revokes it.
    const revoked = page.waitForResponse(
      (response) =>
        response.request().method() === "DELETE" && response.url().includes("/api/keys/"),
    );
    await row.getByRole("button", { name: "Revoke now" }).click();
    await expect(page.getByText("No API keys yet")).toBeVisible();
    expect((await revoked).status()).toBe(204);

    const refused = await script.get("/api/notes", { headers });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "invalid_api_key" } });
  } finally {
    await script.dispose();
  }
});
