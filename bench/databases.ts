/**
 * `npm run bench:db` (also run by `npm run bench`): a notes write and a notes read on SQLite and on
 * PostgreSQL, in one run, on the same build and machine. Each database gets its own app; writes
 * are bounded by count, and the notes stored must equal the 201 answers. Prints the ratio.
 */
import { noteLimits } from "../config/limits";
import { startPostgres } from "../testing/postgres";
import { startStack, type Stack } from "../testing/stack";
import { signUp, uniqueEmail } from "../testing/users";
import { countNotes } from "./client";
import { fire, summarise, type Figures } from "./load";

const writes = 2_000;
const readRounds = 3;
const roundSeconds = 2;

type Measured = { write: Figures; stored: number; read: Figures };

async function measure(stack: Stack): Promise<Measured> {
  const app = stack.appUrl.replace("//localhost:", "//127.0.0.1:");
  const { accessToken } = await signUp({ appUrl: app }, { email: uniqueEmail("bench-db") });
  const headers = { authorization: `Bearer ${accessToken}`, "content-type": "application/json" };
  const note = {
    url: `${app}/api/notes`,
    pid: stack.appPid,
    method: "POST" as const,
    headers,
    body: JSON.stringify({ title: "Bench", body: "A note written under load." }),
    expect: 201,
  };
  const warmUp = await fire(note, 5, 50); // loads the route, fills the pool
  const write = summarise([await fire(note, 60, writes)]);
  const stored = (await countNotes(app, accessToken, writes + 50)) - warmUp.expected;
  const read = {
    url: `${app}/api/notes?limit=${noteLimits.pageSize}`,
    pid: stack.appPid,
    headers,
    expect: 200,
  };
  const rounds = [];
  for (let i = 0; i < readRounds; i++) rounds.push(await fire(read, roundSeconds, 1_000_000));
  return { write, stored, read: summarise(rounds) };
}

/** One app on this database (SQLite when no URL), measured, then stopped. */
async function onDatabase(name: string, databaseUrl?: string): Promise<Measured> {
  const stack = await startStack({ coreConfig: { access_token_validity: 3600 }, databaseUrl });
  try {
    console.log(`[bench:db] ${name}`);
    return await measure(stack);
  } finally {
    await stack.stop();
  }
}

async function main() {
  const postgres = await startPostgres({ own: true });
  let results: { sqlite: Measured; postgres: Measured };
  try {
    results = {
      sqlite: await onDatabase("SQLite"),
      postgres: await onDatabase("PostgreSQL", postgres.url),
    };
  } finally {
    await postgres.destroy();
  }
  const row = (name: string, m: Measured) =>
    `${name.padEnd(10)} write ${m.write.perSecond.toFixed(0).padStart(6)}/s p99 ${m.write.p99Ms.toFixed(1).padStart(6)} ms` +
    ` (stored ${m.stored} of ${m.write.expected} answered 201)` +
    `   read ${m.read.perSecond.toFixed(0).padStart(6)}/s p99 ${m.read.p99Ms.toFixed(1).padStart(6)} ms`;
  console.log(row("SQLite", results.sqlite));
  console.log(row("PostgreSQL", results.postgres));
  const ratio = (pick: (m: Measured) => Figures) =>
    (pick(results.postgres).perSecond / pick(results.sqlite).perSecond).toFixed(2);
  console.log(`PostgreSQL / SQLite: write ${ratio((m) => m.write)}, read ${ratio((m) => m.read)}`);
  const lost = Object.values(results).some((m) => m.stored !== m.write.expected);
  if (lost) throw new Error("stored notes differ from 201 answers");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
