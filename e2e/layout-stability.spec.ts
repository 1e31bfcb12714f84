import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../testing/playwright";

type ShiftWindow = { __layoutShift: number };

/** Layout shift of one full page load, summed (what Core Web Vitals call CLS). */
async function layoutShiftOf(page: Page, path: string, loaded: () => Promise<void>) {
  await page.goto(path);
  await loaded();
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as ShiftWindow).__layoutShift);
}

test("pages do not shift while the session resolves and data loads", async ({ page, user }) => {
  await page.addInitScript(() => {
    const state = window as unknown as ShiftWindow;
    state.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.__layoutShift += (entry as unknown as { value: number }).value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await signIn(page, user);

  // Google calls under 0.1 "good"; placeholders of the right size keep these near zero.
  const home = await layoutShiftOf(page, "/", () =>
    expect(page.getByTestId("home-status")).toContainText("Signed in"),
  );
  expect(home).toBeLessThan(0.01);
  const dashboard = await layoutShiftOf(page, "/dashboard", () =>
    expect(page.getByText("No notes yet")).toBeVisible(),
  );
  expect(dashboard).toBeLessThan(0.01);
  const profile = await layoutShiftOf(page, "/profile", () =>
    expect(page.getByTestId("profile-name")).toBeVisible(),
  );
  expect(profile).toBeLessThan(0.01);
});
