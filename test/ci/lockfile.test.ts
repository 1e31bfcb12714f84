import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { useTempDir } from "../../testing/node";

// `.ci/run` calls `.ci/check-lockfile` after `npm install`; here it runs in a throwaway clone-like
// repository holding this project's real lockfile, before and after npm would have rewritten it.
const root = path.resolve(import.meta.dirname, "../..");
const check = path.join(root, ".ci/check-lockfile");
const repo = useTempDir("lockfile-check");

const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=ci", "-c", "user.email=ci@example.com", ...args], {
    cwd: repo,
  });
const runCheck = () => spawnSync(check, { cwd: repo, encoding: "utf8" });

before(() => {
  git("init", "-q");
  cpSync(path.join(root, "package-lock.json"), path.join(repo, "package-lock.json"));
  git("add", "package-lock.json");
  git("commit", "-qm", "lockfile");
});

describe("CI refuses a lockfile that npm install rewrites", () => {
  test("an untouched lockfile passes", () => {
    const result = runCheck();
    assert.equal(result.status, 0, result.stderr);
  });

  test("a rewritten lockfile fails with what to do and what changed", () => {
    const lockfile = path.join(repo, "package-lock.json");
    const original = readFileSync(lockfile, "utf8");
    // What issue 12 saw: npm widening an exact pin to a range.
    writeFileSync(lockfile, original.replace('"@next/env": "16.4.6"', '"@next/env": "^16.4.6"'));
    try {
      const result = runCheck();
      assert.equal(result.status, 1);
      assert.match(result.stderr, /package-lock\.json changed during npm install/);
      assert.match(result.stderr, /commit package-lock\.json/);
      assert.match(result.stderr, /package-lock\.json \| 2 \+-/);
    } finally {
      writeFileSync(lockfile, original);
    }
  });

  test(".ci/run runs the check right after npm install", () => {
    const steps = readFileSync(path.join(root, ".ci/run"), "utf8").split("\n");
    const install = steps.findIndex((line) => line.startsWith("npm install"));
    assert.ok(install >= 0);
    assert.equal(steps[install + 1], ".ci/check-lockfile");
  });
});
