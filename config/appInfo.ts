/**
 * What SuperTokens calls "app info", minus the domains: those come from the environment on the
 * server (config/backendConfig.ts) and from the page's own origin in the browser.
 */
export const appInfo = {
  appName: "Protected API routes",
  apiBasePath: "/api/auth",
  websiteBasePath: "/auth",
} as const;
