/// <reference types="vite/client" />

// Validated and filled in with defaults by vite.config.ts.
interface ImportMetaEnv {
  readonly VITE_API_DOMAIN: string;
  readonly VITE_SESSION_TRANSPORT: "cookie" | "header";
}
