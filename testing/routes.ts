/**
 * The app's API routes, found by scanning pages/api/** (and the route.ts files in app/) the way
 * Next.js maps files to URLs, so that suites that must cover every route (the contract test, the
 * CORS test) cannot miss a new one.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

export type ApiRoute = {
  /** Relative to the project root, e.g. `pages/api/notes/[id].ts`. */
  file: string;
  /** A URL path this file answers, with a sample value in each dynamic segment. */
  path: string;
};

const root = path.resolve(__dirname, "..");

export function apiRoutes(): ApiRoute[] {
  const dir = path.join(root, "pages/api");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .sort()
    .map((file) => ({ file: path.posix.join("pages/api", file), path: urlPath(file) }));
}

/** The App Router's route handlers: every `route.ts` under app/. */
export function appRoutes(): string[] {
  return readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)route\.tsx?$/.test(file))
    .sort()
    .map((file) => path.posix.join("app", file));
}

function urlPath(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(path.sep)
    .filter((segment, i, all) => !(segment === "index" && i === all.length - 1))
    // [id] → some-id; [...slug] and [[...slug]] → some-slug
    .map((segment) => segment.replace(/^\[{1,2}(?:\.\.\.)?(\w+)\]{1,2}$/, "some-$1"));
  return ["/api", ...segments].join("/");
}
