// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets tests, benchmarks and a dev server keep separate builds side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Bundled rather than loaded from node_modules on the server, so that SuperTokensWrapper and the
  // session recipe's hooks share one React context during server rendering.
  transpilePackages: ["supertokens-auth-react"],
  // With an app/ folder (its route handlers), Next answers an unknown path with the App Router's
  // bare not-found page instead of pages/404.tsx. A fallback rewrite runs only when no page, API
  // route, route handler or file matched: it hands the path to pages/not-found.tsx, which shows
  // pages/404.tsx with status 404.
  async rewrites() {
    return {
      // `/404` itself is no route Next matches either.
      beforeFiles: [{ source: "/404", destination: "/not-found" }],
      afterFiles: [],
      fallback: [{ source: "/:path*", destination: "/not-found" }],
    };
  },
};

module.exports = nextConfig;
