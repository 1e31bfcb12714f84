// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets tests, benchmarks and a dev server keep separate builds side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
