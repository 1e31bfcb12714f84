/**
 * Migrations (server/db/migrations), on the suite's database: SQLite here, PostgreSQL under
 * `npm run test:api:pg`. `npm run db:migrate` applies them and `--check` tells; `next start`
 * refuses a database that lacks one; a notes.sqlite from before migrations keeps its notes.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { openDatabase } from "../../server/db/open";
import { migrateToLatest, pendingMigrations } from "../../server/db/migrate";
import { migrations } from "../../server/db/migrations";
import { createTestDatabase, type TestDatabase } from "../../testing/postgres";
import { startStack } from "../../testing/stack";
import { useTempDir } from "../../testing/node";

const run = promisify(execFile);
const all = Object.keys(migrations).join(", ");
const dataDir = useTempDir("api-migrations");
let postgres: TestDatabase | undefined;

before(async () => {
  if (process.env.TEST_DATABASE_URL) postgres = await createTestDatabase();
});
after(async () => {
  await postgres?.drop();
});

/** `npm run db:migrate [-- --check]` on this suite's database: exit code and output. */
async function dbMigrate(...args: string[]): Promise<{ code: number; output: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: postgres?.url ?? "" };
  try {
    const { stdout } = await run("npm", ["run", "--silent", "db:migrate", "--", ...args], { env });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

test("next start refuses a database that lacks a migration, and names the command", async () => {
  await assert.rejects(
    startStack({ dataDir, databaseUrl: postgres?.url, migrate: false }),
    /lacks migrations: 0001_notes[\s\S]*npm run db:migrate/,
  );
});

test("db:migrate --check fails while one is missing; db:migrate applies it, once", async () => {
  const before = await dbMigrate("--check");
  assert.equal(before.code, 1);
  assert.match(before.output, new RegExp(`lacks: ${all}\\. Run: npm run db:migrate`));

  assert.match((await dbMigrate()).output, new RegExp(`applied ${all}\n`));
  assert.match((await dbMigrate()).output, /already up to date/);
  const after = await dbMigrate("--check");
  assert.equal(after.code, 0);
  assert.match(after.output, /: up to date/);
});

test("a notes.sqlite from the version before migrations keeps its notes", async () => {
  const folder = path.join(dataDir, "old-sqlite");
  mkdirSync(folder);
  // Exactly what the previous version created on first use.
  const old = new BetterSqlite3(path.join(folder, "notes.sqlite"));
  old.exec(`
    CREATE TABLE notes (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, title TEXT NOT NULL,
      body TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
    CREATE INDEX notes_by_user ON notes (user_id, created_at DESC, id DESC);
    INSERT INTO notes VALUES ('n1', 'u1', 'Kept', 'from before', 1700000000000, 1700000000000);
  `);
  old.close();

  const { db } = openDatabase({ dataDir: folder });
  try {
    assert.deepEqual(await migrateToLatest(db), Object.keys(migrations));
    assert.deepEqual(await pendingMigrations(db), []);
    const rows = await db.selectFrom("notes").select(["id", "title", "created_at"]).execute();
    assert.deepEqual(rows, [{ id: "n1", title: "Kept", created_at: 1700000000000 }]);
  } finally {
    await db.destroy();
  }
});
