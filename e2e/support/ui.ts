import type { Page } from "@playwright/test";

/** The app's toasts (Next's own route announcer also has role="alert", so not by role). */
export const toasts = (page: Page) =>
  page.getByRole("region", { name: "Notifications" }).getByRole("listitem");
