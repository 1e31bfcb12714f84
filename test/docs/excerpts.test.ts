import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { checkExcerpts, findDocs, parseExcerpts } from "../../scripts/check-excerpts";
import { useTempDir } from "../../testing/node";

const root = path.resolve(__dirname, "../..");

describe("the repo's docs", () => {
  const report = checkExcerpts(root);

  test("every excerpt matches its file and every relative link resolves", () => {
    const messages = report.problems.map((p) => `${p.doc}:${p.line}: ${p.message}`);
    assert.deepEqual(messages, []);
  });

  test("the README and the code-reading tutorial steps quote real code", () => {
    const quoting = new Set(report.excerpts.map((excerpt) => excerpt.doc));
    const steps = findDocs(root).filter((doc) => /^docs\/tutorial\/\d\d-/.test(doc));
    const index = readFileSync(path.join(root, "docs/tutorial/README.md"), "utf8");
    const listed = [...index.matchAll(/\]\((\d\d-[\w-]+\.md)\)/g)].map(
      (m) => `docs/tutorial/${m[1]}`,
    );
    assert.deepEqual(
      [...steps].sort(),
      [...listed].sort(),
      "every step is in the tutorial's index",
    );
    // Steps 1, 7 and 8 are about running things; 2 to 6, 9, 10 and 12 read code.
    for (const doc of ["README.md", ...steps.filter((step) => /\/(0[2-69]|10|12)-/.test(step))]) {
      assert.ok(quoting.has(doc), `${doc} has no excerpt`);
    }
  });

  test("no TypeScript block in our docs is written by hand", () => {
    const ours = findDocs(root).filter(
      (doc) =>
        doc === "README.md" ||
        doc.startsWith("docs/tutorial/") ||
        doc === "docs/troubleshooting.md",
    );
    for (const doc of ours) {
      const lines = readFileSync(path.join(root, doc), "utf8").split("\n");
      const marked = new Set(parseExcerpts(doc, lines.join("\n")).excerpts.map((e) => e.block));
      // Another project's code, shown for comparison, names where it comes from instead.
      const quoted = (index: number) =>
        /^<!-- quoted: .+ -->$/.test(lines.slice(0, index).findLast((l) => l.trim()) ?? "");
      lines.forEach((line, index) => {
        if (/^\s*```(ts|tsx|typescript|js|javascript)\s*$/.test(line)) {
          assert.ok(
            marked.has(index + 1) || quoted(index),
            `${doc}:${index + 1}: code block without an excerpt marker`,
          );
        }
      });
    }
  });
});

describe("the checker", () => {
  const fixtures = useTempDir("excerpts");

  const source = [
    'import { createRouter } from "next-connect";',
    "",
    "// #region chain",
    "const router = createRouter();",
    "router",
    "  // #region verify",
    "  .use(verifySession())",
    "  // #endregion verify",
    "  .get(handler);",
    "// #endregion chain",
    "",
  ].join("\n");

  /** A repo with `lib/route.ts` and a README quoting `quoted` under `marker`. */
  function repo(name: string, marker: string, quoted: string[], extra = ""): string {
    const dir = path.join(fixtures, name);
    mkdirSync(path.join(dir, "lib"), { recursive: true });
    writeFileSync(path.join(dir, "lib/route.ts"), source);
    writeFileSync(
      path.join(dir, "README.md"),
      ["# Demo", "", marker, "```ts", ...quoted, "```", "", extra].join("\n"),
    );
    return dir;
  }

  const chain = [
    "const router = createRouter();",
    "router",
    "  .use(verifySession())",
    "  .get(handler);",
  ];

  test("accepts an excerpt equal to its region, nested markers left out", () => {
    const report = checkExcerpts(repo("ok", "<!-- excerpt: lib/route.ts#chain -->", chain));
    assert.deepEqual(report.problems, []);
    assert.equal(report.excerpts.length, 1);
  });

  test("accepts a dedented inner region, and a whole-file excerpt after a blank line", () => {
    const dir = repo("inner", "<!-- excerpt: lib/route.ts#verify -->", [".use(verifySession())"]);
    const whole = source
      .split("\n")
      .filter((line) => !line.includes("#region") && !line.includes("#endregion"));
    writeFileSync(
      path.join(dir, "docs.md"),
      ["<!-- excerpt: lib/route.ts -->", "", "```ts", ...whole, "```"].join("\n"),
    );
    assert.deepEqual(checkExcerpts(dir).problems, []);
  });

  test("fails on a drifted excerpt, naming the doc, the file and the changed line", () => {
    const drifted = chain.map((line) =>
      line.includes("verifySession") ? "  .use(verifySession({ checkDatabase: true }))" : line,
    );
    const report = checkExcerpts(repo("drift", "<!-- excerpt: lib/route.ts#chain -->", drifted));
    assert.equal(report.problems.length, 1);
    const [problem] = report.problems;
    assert.equal(problem?.doc, "README.md");
    assert.equal(problem?.line, 3);
    assert.match(problem?.message ?? "", /lib\/route\.ts#chain: the excerpt no longer matches/);
    assert.match(
      problem?.message ?? "",
      /^-  \.use\(verifySession\(\{ checkDatabase: true \}\)\)$/m,
    );
    assert.match(problem?.message ?? "", /^\+  \.use\(verifySession\(\)\)$/m);
  });

  test("fails when the quoted file or region does not exist", () => {
    const noFile = checkExcerpts(repo("no-file", "<!-- excerpt: lib/gone.ts#chain -->", chain));
    assert.match(noFile.problems[0]?.message ?? "", /file lib\/gone\.ts does not exist/);
    const noRegion = checkExcerpts(repo("no-region", "<!-- excerpt: lib/route.ts#cors -->", chain));
    assert.match(noRegion.problems[0]?.message ?? "", /region "cors" not found in lib\/route\.ts/);
    const outside = checkExcerpts(
      repo("outside", "<!-- excerpt: ../ok/lib/route.ts#chain -->", chain),
    );
    assert.match(outside.problems[0]?.message ?? "", /does not exist/);
  });

  test("fails on a marker without a code block, a broken link and a missing anchor", () => {
    const links =
      "[guide](docs/guide.md), [top](#demo), [nowhere](#nowhere), [other](other.md#prose)";
    const dir = repo("loose", "<!-- excerpt: lib/route.ts#chain -->", chain, links);
    writeFileSync(
      path.join(dir, "other.md"),
      "<!-- excerpt: lib/route.ts#chain -->\n\n## Prose\n\n```md\n# Not a heading\n```\n",
    );
    const messages = checkExcerpts(dir).problems.map((p) => `${p.doc}:${p.line}: ${p.message}`);
    assert.deepEqual(messages, [
      "README.md:11: link target docs/guide.md does not exist",
      "README.md:11: link target #nowhere: no heading with the anchor #nowhere",
      "other.md:1: excerpt marker is not followed by a fenced code block",
    ]);
    writeFileSync(path.join(dir, "README.md"), "# Demo\n\n[fenced](other.md#not-a-heading)\n");
    assert.match(
      checkExcerpts(dir).problems[0]?.message ?? "",
      /other\.md#not-a-heading: no heading with the anchor #not-a-heading/,
    );
  });
});
