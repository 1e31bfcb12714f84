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
};

module.exports = nextConfig;
