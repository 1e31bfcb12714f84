/**
 * Turns measured figures into the one table people read: printed, written as JSON under
 * bench/results/, and placed between the markers in docs/benchmarks.md. Both files go through
 * Prettier so a fresh run leaves the tree lint-clean.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as prettier from "prettier";
import { noteLimits } from "../config/limits";
import type { Figures } from "./load";
import type { Verification } from "./verification";

export type Goal = { name: string; goal: string; measured: string; met: boolean };

export type Results = {
  date: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; autocannon: string };
  method: { connections: number; rounds: number; roundSeconds: number };
  reads: {
    ceiling: Figures;
    public: Figures;
    user: Figures;
    strict: Figures;
    notesSession: Figures;
    notesKey: Figures;
  };
  ratios: {
    userToPublic: number;
    strictToPublic: number;
    publicToCeiling: number;
    notesKeyToSession: number;
  };
  writes: Figures & { stored: number };
  storm: {
    unauthorised: Figures;
    preflights: Figures;
    chunkSize: number;
    /** Lowest RSS of the app during each chunk of the storm. */
    floorsMiB: number[];
    /** Trend of the floors over the whole storm (least squares). */
    growthMiB: number;
  };
  verification: Verification;
  goals: Goal[];
  core: { exitCode: number; output: string };
  rateLimit: { exitCode: number; output: string };
  databases: { exitCode: number; output: string };
  seconds: { build: number | null; total: number };
};

const root = path.resolve(__dirname, "..");
const resultsFile = path.join(root, "bench/results/latest.json");
const docsFile = path.join(root, "docs/benchmarks.md");
const markers = { start: "<!-- bench:start -->", end: "<!-- bench:end -->" };
const notesPage = `\`GET /api/notes?limit=${noteLimits.pageSize}\``;

/** Writes the JSON and the docs table; returns the Markdown to print. */
export async function writeReport(results: Results): Promise<string> {
  const markdown = await format(render(results), docsFile);
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, await format(JSON.stringify(results), resultsFile));

  const docs = await readFile(docsFile, "utf8");
  const start = docs.indexOf(markers.start);
  const end = docs.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`${docsFile} lacks the ${markers.start} markers`);
  const updated = `${docs.slice(0, start + markers.start.length)}\n\n${markdown}\n${docs.slice(end)}`;
  await writeFile(docsFile, await format(updated, docsFile));
  return markdown;
}

function render(r: Results): string {
  const { machine: m, method } = r;
  const row = (what: string, figures: Figures, status: number, note = "") =>
    `| ${what} | ${answers(figures, status)} | ${int(figures.perSecond)} | ${ms(figures.p50Ms)} | ${ms(figures.p99Ms)} | ${int(figures.cpuMicros)} | ${note} |`;
  return [
    `Measured ${r.date} on ${m.cpus} × ${m.cpuModel}, Node ${m.node} (${m.platform}), autocannon ` +
      `${m.autocannon}, ${method.connections} connections. The six read routes ran in ` +
      `${method.rounds} interleaved rounds of ${method.roundSeconds} s each.`,
    "",
    "| Route | Answers | Per second | p50 ms | p99 ms | CPU µs | Ratio |",
    "| --- | --: | --: | --: | --: | --: | --- |",
    row("bare `node:http` JSON (ceiling)", r.reads.ceiling, 200),
    row(
      "`GET /api/greeting` anonymous (public)",
      r.reads.public,
      200,
      `${ratio(r.ratios.publicToCeiling)} of ceiling`,
    ),
    row(
      "`GET /api/user` signed in",
      r.reads.user,
      200,
      `${ratio(r.ratios.userToPublic)} of public`,
    ),
    row(
      "`GET /api/user/strict` signed in (`checkDatabase`)",
      r.reads.strict,
      200,
      `${ratio(r.ratios.strictToPublic)} of public`,
    ),
    row(`${notesPage} signed in (\`checkDatabase\`)`, r.reads.notesSession, 200),
    row(
      `${notesPage} with an API key`,
      r.reads.notesKey,
      200,
      `${ratio(r.ratios.notesKeyToSession)} of the session`,
    ),
    row("`POST /api/notes` signed in", r.writes, 201, `${int(r.writes.stored)} notes stored`),
    row("`GET /api/user` anonymous", r.storm.unauthorised, 401),
    row("`OPTIONS /api/user` preflight", r.storm.preflights, 204),
    "",
    `Memory of the app (RSS), lowest reading during each chunk of ${int(r.storm.chunkSize)} unauthenticated ` +
      `requests: ${r.storm.floorsMiB.join(", ")} MiB. Trend over the storm: ` +
      `${signed(r.storm.growthMiB)} MiB.`,
    "",
    verificationLine(r),
    "",
    "| Goal | Target | Measured | Met |",
    "| --- | --- | --- | --- |",
    ...r.goals.map(
      (g) => `| ${g.name} | ${g.goal} | ${g.measured} | ${g.met ? "yes" : "**no**"} |`,
    ),
    "",
    `Build ${r.seconds.build === null ? "skipped" : `${r.seconds.build.toFixed(0)} s`}, ` +
      `whole run ${r.seconds.total.toFixed(0)} s.`,
    "",
    `The core's own figures (\`npm run bench:core\`, exit code ${r.core.exitCode}):`,
    "",
    "```text",
    r.core.output.trim(),
    "```",
    "",
    `The rate-limit link's cost (\`npm run bench:rate-limit\`, exit code ${r.rateLimit.exitCode}):`,
    "",
    r.rateLimit.output.trim(),
    "",
    `Notes on each database (\`npm run bench:db\`, exit code ${r.databases.exitCode}):`,
    "",
    "```text",
    r.databases.output.trim(),
    "```",
  ].join("\n");
}

/** Where a signed-in request's extra cost goes, next to what the 0.90 goal leaves for it. */
function verificationLine(r: Results): string {
  const v = r.verification;
  const extra = r.reads.user.cpuMicros - r.reads.public.cpuMicros;
  // At a ratio of 0.90 a protected request may cost 1/0.9 of a public one: a ninth more.
  const budget = r.reads.public.cpuMicros / 9;
  return (
    `The session check alone, in the bench's process (${int(v.checks)} checks, ` +
    `${r.method.connections} in flight, the app idle): supertokens-node's ` +
    `\`getSessionWithoutRequestResponse\` takes ${int(v.sdkMicros)} µs of CPU per check, of ` +
    `which the RS256 signature check is ${int(v.signatureMicros)} µs. Inside the app, signed-in ` +
    `\`/api/user\` costs ${int(extra)} µs more than the public route. A ratio of 0.90 would ` +
    `leave the whole check ${int(budget)} µs.`
  );
}

async function format(text: string, filepath: string): Promise<string> {
  const config = await prettier.resolveConfig(filepath);
  return prettier.format(text, { ...config, filepath });
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => n.toFixed(2);
const ratio = (n: number) => n.toFixed(2);
const signed = (n: number) => `${n >= 0 ? "+" : ""}${n.toFixed(1)}`;

function answers(figures: Figures, status: number): string {
  const odd = [
    ...Object.entries(figures.unexpected).map(([other, count]) => `${int(count)} × ${other}`),
    figures.errors > 0 ? `${int(figures.errors)} errors` : "",
  ].filter(Boolean);
  return `${int(figures.expected)} × ${status}${odd.length > 0 ? ` (**${odd.join(", ")}**)` : ""}`;
}
