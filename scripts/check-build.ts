/**
 * `npm run build:check`: `next build`, failing when it prints a warning, so that a change that makes
 * either router (pages/ or app/) build with a warning fails `npm test`. One notice is about the
 * machine, not the code, and passes: a first build on a fresh clone has no cache yet.
 */
import { spawn } from "node:child_process";

const notAboutTheCode = [/No build cache found/];
const next = require.resolve("next/dist/bin/next");
const child = spawn(process.execPath, [next, "build"], { stdio: ["inherit", "pipe", "pipe"] });

const warnings: string[] = [];
for (const [from, to] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
] as const) {
  let pending = "";
  from.on("data", (chunk: Buffer) => {
    to.write(chunk);
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (/⚠|warning/i.test(line) && !notAboutTheCode.some((notice) => notice.test(line))) {
        warnings.push(line.trim());
      }
    }
  });
}

child.on("exit", (code) => {
  if (code !== 0) process.exit(code ?? 1);
  if (warnings.length > 0) {
    console.error(`\nnext build printed ${warnings.length} warning(s):\n${warnings.join("\n")}`);
    process.exit(1);
  }
});
