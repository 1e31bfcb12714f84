import { defineConfig, loadEnv } from "vite";
import { z } from "zod";

// Checked when Vite starts (dev, build or preview), so a typo fails here with the variable's name
// rather than in the browser. Vite also reads them from a .env file in this folder.
const envSchema = z.object({
  // The Next.js app; this page's origin must be on that app's ALLOWED_ORIGINS list.
  VITE_API_DOMAIN: z.url().default("http://localhost:3000"),
  // "cookie" works while both origins are on the same site (localhost:5173 → localhost:3000);
  // "header" works from any site (127.0.0.1:5173 → localhost:3000, app.example → api.example.net).
  VITE_SESSION_TRANSPORT: z.enum(["cookie", "header"]).default("cookie"),
});

export default defineConfig(({ mode }) => {
  const env = envSchema.parse(loadEnv(mode, __dirname, "VITE_"));
  return {
    // Serves and builds only this folder; the example shares the repository's node_modules.
    root: __dirname,
    define: {
      "import.meta.env.VITE_API_DOMAIN": JSON.stringify(new URL(env.VITE_API_DOMAIN).origin),
      "import.meta.env.VITE_SESSION_TRANSPORT": JSON.stringify(env.VITE_SESSION_TRANSPORT),
    },
    // Served, and printed, on the address whose sessions work: cookies need this page on the API's
    // site (localhost → localhost), headers work from another (127.0.0.1); docs/cross-origin.md
    // says why. Never on the network.
    server: {
      host: env.VITE_SESSION_TRANSPORT === "cookie" ? "localhost" : "127.0.0.1",
      port: 5173,
      strictPort: true,
    },
    preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  };
});
