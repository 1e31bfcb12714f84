/**
 * Drives one HTTP target with autocannon and turns its answers into figures. Latencies are taken
 * from every answer (autocannon's own summary rounds them to whole milliseconds, too coarse for
 * sub-millisecond routes), so rounds of the same target merge into exact percentiles.
 */
import autocannon from "autocannon";
import { cpuSeconds } from "./procfs";

export type Target = {
  url: string;
  /** The process that answers, whose CPU time the run reads. */
  pid: number;
  method?: "GET" | "POST" | "OPTIONS";
  headers?: Record<string, string>;
  body?: string;
  /** Only answers with this status count; any other is reported as unexpected. */
  expect: number;
};

export type Round = {
  seconds: number;
  expected: number;
  /** Count of every other status, by status. */
  unexpected: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  latenciesMs: number[];
  /** CPU time the answering process used during the run. */
  cpuSeconds: number;
};

export type Figures = {
  /** Answers with the expected status per second, over all rounds. */
  perSecond: number;
  /** The same, round by round: how steady the machine was. */
  perSecondByRound: number[];
  p50Ms: number;
  p99Ms: number;
  expected: number;
  unexpected: Record<string, number>;
  errors: number;
  seconds: number;
  /** CPU time of the answering process per expected answer, in µs: what one request costs it. */
  cpuMicros: number;
};

/** Enough in flight to keep one server core busy without queueing much on loopback. */
export const connections = 10;

/** One run, bounded both in time and in count (whichever comes first ends it). */
export async function fire(target: Target, seconds: number, maxRequests: number): Promise<Round> {
  const cpuBefore = await cpuSeconds(target.pid);
  const round = await run(target, seconds, maxRequests);
  return { ...round, cpuSeconds: (await cpuSeconds(target.pid)) - cpuBefore };
}

function run(
  target: Target,
  seconds: number,
  maxRequests: number,
): Promise<Omit<Round, "cpuSeconds">> {
  const latenciesMs: number[] = [];
  const unexpected: Record<string, number> = {};
  // autocannon notices the end only at its next sample tick: time the answers ourselves.
  const started = performance.now();
  let lastAnswer = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method ?? "GET",
        headers: target.headers,
        body: target.body,
        connections,
        duration: seconds,
        maxOverallRequests: maxRequests,
        timeout: 10,
        // autocannon checks whether a run is over at each sample tick (1 s by default).
        sampleInt: 100,
      },
      (error: unknown, result) => {
        if (error) return reject(error);
        resolve({
          seconds: (lastAnswer - started) / 1000,
          expected: latenciesMs.length,
          unexpected,
          errors: result.errors,
          latenciesMs,
        });
      },
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      lastAnswer = performance.now();
      if (status === target.expect) latenciesMs.push(ms);
      else unexpected[status] = (unexpected[status] ?? 0) + 1;
    });
  });
}

export function summarise(rounds: Round[]): Figures {
  const latencies = rounds.flatMap((round) => round.latenciesMs).sort((a, b) => a - b);
  const sum = (pick: (round: Round) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const seconds = sum((r) => r.seconds);
  const expected = sum((r) => r.expected);
  const unexpected: Record<string, number> = {};
  for (const [status, count] of rounds.flatMap((r) => Object.entries(r.unexpected))) {
    unexpected[status] = (unexpected[status] ?? 0) + count;
  }
  return {
    perSecond: round(seconds > 0 ? expected / seconds : 0, 1),
    perSecondByRound: rounds.map((r) => round(r.seconds > 0 ? r.expected / r.seconds : 0, 0)),
    p50Ms: round(percentile(latencies, 0.5), 3),
    p99Ms: round(percentile(latencies, 0.99), 3),
    expected,
    unexpected,
    errors: sum((r) => r.errors),
    seconds: round(seconds, 2),
    cpuMicros: round((sum((r) => r.cpuSeconds) / Math.max(1, expected)) * 1e6, 0),
  };
}

/** Figures are written to JSON: keep the digits that mean something. */
const round = (n: number, digits: number) => Number(n.toFixed(digits));

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}
