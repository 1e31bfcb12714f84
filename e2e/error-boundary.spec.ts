import { expect, test } from "@playwright/test";

test("a page that throws shows what happened and a way back, not a blank screen", async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/crash");
  await page.getByRole("button", { name: "Throw an error" }).click();

  const failed = page.getByRole("alert").filter({ hasText: "This page stopped working" });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText("Nothing you saved is lost");
  // The layout survives: the header's links still lead elsewhere.
  await expect(page.getByRole("banner")).toBeVisible();
  expect(errors.join("\n")).toContain("Thrown on purpose by /crash");
  await page.screenshot({ path: testInfo.outputPath("page-failed.png"), fullPage: true });

  await failed.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("button", { name: "Throw an error" })).toBeVisible();

  await page.getByRole("button", { name: "Throw an error" }).click();
  await page.getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL("/");
  await expect(failed).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a page that fails on the server answers 500 with the error page and a way back", async ({
  page,
}) => {
  const response = await page.goto("/crash?where=server");
  expect(response?.status()).toBe(500);
  await expect(page.getByText("The page could not be shown (error 500)")).toBeVisible();
  await expect(page.getByRole("banner")).toBeVisible();
  await page.getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
