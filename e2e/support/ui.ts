import type { Page } from "@playwright/test";

/**
 * The app's toasts. Not by role: each toast is role="alert" or "status", and Next's own route
 * announcer is an "alert" too.
 */
export const toasts = (page: Page) =>
  page.getByRole("region", { name: "Notifications" }).locator("li");
