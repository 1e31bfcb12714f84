import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, type Page } from "@playwright/test";
import { coreUrl } from "./stack";

export const PASSWORD = "Passw0rd!e2e";

/** A fresh address per call: tests run in parallel and never share users. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@e2e.test`;
}

/**
 * Creates an account through the app's own sign-up API (what the form calls), in a request
 * context of its own so the browser stays signed out. Returns the user's id.
 */
export async function createUser(baseURL: string, email: string, password = PASSWORD) {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const response = await api.post("/api/auth/signup", {
      headers: { rid: "emailpassword", "st-auth-mode": "header" },
      data: {
        formFields: [
          { id: "email", value: email },
          { id: "password", value: password },
        ],
      },
    });
    const body = (await response.json()) as { status: string; user?: { id: string } };
    if (body.status !== "OK" || !body.user) throw new Error(`Sign-up of ${email}: ${body.status}`);
    return body.user.id;
  } finally {
    await api.dispose();
  }
}

/**
 * Gives a user a role directly in the core (the CDI call that UserRoles.addRoleToUser makes).
 * The role is created first, idempotently, with its permissions.
 */
export async function grantRole(userId: string, role: string, permissions: string[] = []) {
  const call = async (method: string, path: string, body: object) => {
    const response = await fetch(`${coreUrl()}${path}`, {
      method,
      headers: { "content-type": "application/json", "cdi-version": "5.4", rid: "userroles" },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { status: string };
    expect(json.status, `${method} ${path}`).toBe("OK");
  };
  await call("PUT", "/recipe/role", { role, permissions });
  await call("PUT", "/public/recipe/user/role", { userId, role });
}

// The prebuilt sign-in UI lives in a shadow root; Playwright's CSS locators pierce it.
export const authForm = (page: Page) => ({
  email: page.locator('input[name="email"]'),
  password: page.locator('input[name="password"]'),
  submit: page.locator('button[type="submit"]'),
});

/** Signs in through the form at /auth and waits for the page it returns to. */
export async function signIn(page: Page, email: string, password = PASSWORD, then = "/dashboard") {
  await page.goto(`/auth?redirectToPath=${encodeURIComponent(then)}`);
  const form = authForm(page);
  await form.email.fill(email);
  await form.password.fill(password);
  await form.submit.click();
  await expect(page).toHaveURL(then);
}

/** Signs up through the form at /auth?show=signup. */
export async function signUp(page: Page, email: string, password = PASSWORD) {
  await page.goto("/auth?show=signup");
  const form = authForm(page);
  await form.email.fill(email);
  await form.password.fill(password);
  await form.submit.click();
}
