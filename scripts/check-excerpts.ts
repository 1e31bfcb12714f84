/**
 * Keeps the docs true to the code: every code excerpt in a Markdown file must equal the region of
 * the source file it quotes, and every relative link must point at a file that exists.
 *
 * In a doc, a marker line before a fenced block names the file and the region:
 *   <!-- excerpt: pages/api/user/index.ts#chain -->
 * (without `#region` the excerpt is the whole file). In the file, the region is
 *   // #region chain
 *   …
 *   // #endregion chain
 * Region marker lines never appear in excerpts, so regions may nest or overlap.
 *
 * CLI: `tsx scripts/check-excerpts.ts` prints a diff per drifted excerpt and exits 1 on any problem;
 * with `--write` (`npm run docs:sync`) it first copies each region's current text into its excerpts.
 */
import { createTwoFilesPatch } from "diff";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Excerpt = {
  /** The doc, relative to the root, the 1-based line of its marker and of its block's fence. */
  doc: string;
  line: number;
  block: number;
  file: string;
  region: string | null;
  code: string;
};

export type Problem = { doc: string; line: number; message: string };

export type Report = { excerpts: Excerpt[]; links: number; problems: Problem[] };

const markerLine = /^\s*<!--\s*excerpt:\s*([^\s#]+)(?:#([\w:.-]+))?\s*-->\s*$/;
const fenceOpen = /^\s*(`{3,}|~{3,})/;
// A whole line that is only a region comment, in any of the comment syntaxes the repo uses.
const regionLine =
  /^\s*(?:\/\/|\/\*|\{\/\*|<!--|#)\s*#(end)?region\s+([\w:.-]+)\s*(?:\*\/\}?|-->)?\s*$/;
// Inline Markdown links and images; the target stops at whitespace or `)`.
const markdownLink = /!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const skippedDirs = new Set([
  "node_modules",
  ".git",
  ".data",
  "test-results",
  "playwright-report",
  "dist",
]);

/** README.md and every other Markdown file of the repo, outside build and dependency folders. */
export function findDocs(root: string): string[] {
  const docs: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirs.has(entry.name) && !entry.name.startsWith(".next")) walk(relative);
      } else if (entry.name.endsWith(".md")) {
        docs.push(relative);
      }
    }
  };
  walk(".");
  return docs.map((doc) => path.posix.normalize(doc)).sort();
}

/** The excerpts of one doc, and the markers that are not followed by a fenced block. */
export function parseExcerpts(
  doc: string,
  text: string,
): { excerpts: Excerpt[]; problems: Problem[] } {
  const lines = text.split("\n");
  const excerpts: Excerpt[] = [];
  const problems: Problem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = markerLine.exec(lines[i] ?? "");
    if (!marker) continue;
    const line = i + 1;
    // Blank lines may separate the marker from its block (Prettier puts one there).
    let first = i + 1;
    while (first < lines.length - 1 && lines[first]?.trim() === "") first++;
    const open = fenceOpen.exec(lines[first] ?? "");
    if (!open) {
      problems.push({
        doc,
        line,
        message: "excerpt marker is not followed by a fenced code block",
      });
      continue;
    }
    const fence = open[1] ?? "```";
    const close = lines.findIndex((candidate, j) => j > first && closesFence(candidate, fence));
    if (close === -1) {
      problems.push({
        doc,
        line,
        message: "the fenced code block after this marker is never closed",
      });
      continue;
    }
    excerpts.push({
      doc,
      line,
      block: first + 1,
      file: marker[1] ?? "",
      region: marker[2] ?? null,
      code: normalise(lines.slice(first + 1, close)),
    });
    i = close;
  }
  return { excerpts, problems };
}

/** The text of a region (or of the whole file when `region` is null), or why there is none. */
export function readRegion(
  text: string,
  region: string | null,
): { code: string } | { error: string } {
  const lines = text.split("\n");
  const isMarker = (line: string) => regionLine.test(line);
  if (region === null) return { code: normalise(lines.filter((line) => !isMarker(line))) };

  const starts: number[] = [];
  const ends: number[] = [];
  lines.forEach((line, index) => {
    const match = regionLine.exec(line);
    if (match?.[2] !== region) return;
    (match[1] ? ends : starts).push(index);
  });
  if (starts.length === 0) return { error: `region "${region}" not found` };
  if (starts.length > 1) return { error: `region "${region}" is opened ${starts.length} times` };
  const start = starts[0]!;
  const end = ends.find((index) => index > start);
  if (end === undefined)
    return { error: `region "${region}" is never closed (#endregion ${region})` };
  return { code: normalise(lines.slice(start + 1, end).filter((line) => !isMarker(line))) };
}

/** Checks every excerpt and relative link of `docs` (default: all Markdown files of `root`). */
export function checkExcerpts(root: string, docs: string[] = findDocs(root)): Report {
  const report: Report = { excerpts: [], links: 0, problems: [] };
  for (const doc of docs) {
    const text = readFileSync(path.join(root, doc), "utf8");
    const parsed = parseExcerpts(doc, text);
    report.excerpts.push(...parsed.excerpts);
    report.problems.push(...parsed.problems);
    for (const excerpt of parsed.excerpts) {
      const problem = checkExcerpt(root, excerpt);
      if (problem) report.problems.push(problem);
    }
    const links = checkLinks(root, doc, text);
    report.links += links.checked;
    report.problems.push(...links.problems);
  }
  return report;
}

function checkExcerpt(root: string, excerpt: Excerpt): Problem | null {
  const { doc, line, file, region } = excerpt;
  const name = region ? `${file}#${region}` : file;
  const absolute = path.resolve(root, file);
  if (path.relative(root, absolute).startsWith("..") || !existsSync(absolute)) {
    return { doc, line, message: `${name}: file ${file} does not exist` };
  }
  const found = readRegion(readFileSync(absolute, "utf8"), region);
  if ("error" in found) return { doc, line, message: `${name}: ${found.error} in ${file}` };
  if (found.code === excerpt.code) return null;
  const diff = createTwoFilesPatch(
    `${doc}:${line}`,
    name,
    excerpt.code,
    found.code,
    "excerpt",
    "source",
  );
  return {
    doc,
    line,
    message: `${name}: the excerpt no longer matches the file (- doc, + file):\n${diff.split("\n").slice(1).join("\n")}`,
  };
}

/**
 * Rewrites every drifted excerpt with the current text of its region, and returns how many it
 * rewrote. A missing file or region is left for `checkExcerpts` to report: only a person can say
 * what the doc should quote instead.
 */
export function refreshExcerpts(root: string, docs: string[] = findDocs(root)): number {
  let refreshed = 0;
  for (const doc of docs) {
    const docPath = path.join(root, doc);
    const lines = readFileSync(docPath, "utf8").split("\n");
    let changed = false;
    // From the last excerpt up, so that the line numbers of the earlier ones stay right.
    for (const excerpt of parseExcerpts(doc, lines.join("\n")).excerpts.reverse()) {
      const source = path.resolve(root, excerpt.file);
      if (!existsSync(source)) continue;
      const found = readRegion(readFileSync(source, "utf8"), excerpt.region);
      if ("error" in found || found.code === excerpt.code) continue;
      const open = lines[excerpt.block - 1] ?? "";
      const indent = /^\s*/.exec(open)?.[0] ?? "";
      const fence = fenceOpen.exec(open)?.[1] ?? "```";
      const close = lines.findIndex((line, j) => j >= excerpt.block && closesFence(line, fence));
      const code = found.code
        .trimEnd()
        .split("\n")
        .map((line) => (line === "" ? line : indent + line));
      lines.splice(excerpt.block, close - excerpt.block, ...code);
      changed = true;
      refreshed++;
    }
    if (changed) writeFileSync(docPath, lines.join("\n"));
  }
  return refreshed;
}

/**
 * Relative links and images outside code blocks must point at files or folders that exist, and a
 * `#fragment` into a Markdown file at one of its headings.
 */
function checkLinks(
  root: string,
  doc: string,
  text: string,
): { checked: number; problems: Problem[] } {
  const problems: Problem[] = [];
  let checked = 0;
  outsideFences(text).forEach((content, index) => {
    for (const match of content.matchAll(markdownLink)) {
      const target = match[1] ?? "";
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      checked++;
      const [file = "", fragment] = target.split("#");
      const absolute = path.resolve(
        root,
        path.dirname(doc),
        decodeURIComponent(file || path.basename(doc)),
      );
      const problem = !existsSync(absolute)
        ? `link target ${target} does not exist`
        : fragment &&
            absolute.endsWith(".md") &&
            !headingSlugs(readFileSync(absolute, "utf8")).has(fragment)
          ? `link target ${target}: no heading with the anchor #${fragment}`
          : null;
      if (problem) problems.push({ doc, line: index + 1, message: problem });
    }
  });
  return { checked, problems };
}

/** The doc's lines, with the lines of fenced code blocks blanked (line numbers are kept). */
function outsideFences(text: string): string[] {
  let fence: string | null = null;
  return text.split("\n").map((line) => {
    if (fence === null) {
      fence = fenceOpen.exec(line)?.[1] ?? null;
      return fence === null ? line : "";
    }
    if (closesFence(line, fence)) fence = null;
    return "";
  });
}

/** CommonMark: a closing fence repeats the opening character at least as often, and nothing else. */
function closesFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= fence.length && trimmed === fence[0]!.repeat(trimmed.length);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, `-1` on repeats. */
function headingSlugs(text: string): Set<string> {
  const slugs = new Set<string>();
  for (const line of outsideFences(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/ /g, "-");
    let slug = base;
    for (let n = 1; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
  }
  return slugs;
}

/** Dedents, trims trailing spaces and blank edge lines, so indentation inside a block is kept. */
function normalise(lines: string[]): string {
  const trimmed = lines.map((line) => line.trimEnd());
  while (trimmed.length > 0 && trimmed[0] === "") trimmed.shift();
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === "") trimmed.pop();
  const indents = trimmed
    .filter((line) => line !== "")
    .map((line) => line.length - line.trimStart().length);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  return trimmed.map((line) => line.slice(indent)).join("\n") + "\n";
}

function main() {
  const root = path.resolve(__dirname, "..");
  if (process.argv.includes("--write")) {
    console.log(`${refreshExcerpts(root)} excerpt(s) rewritten from their files.`);
  }
  const report = checkExcerpts(root);
  for (const problem of report.problems) {
    console.error(`${problem.doc}:${problem.line}: ${problem.message}\n`);
  }
  const summary = `${report.excerpts.length} excerpts and ${report.links} links checked`;
  if (report.problems.length > 0) {
    console.error(`${summary}: ${report.problems.length} problem(s).`);
    process.exit(1);
  }
  console.log(`${summary}: all match.`);
}

if (require.main === module) main();
