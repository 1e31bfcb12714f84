/**
 * A server's memory under load, watched from outside (nothing is forced inside it: no
 * `--expose-gc`). Its resident set size saw-tooths with every garbage collection, by tens of MiB,
 * so one reading before a storm and one after say little. The floor of each chunk of requests (its
 * lowest reading, just after a collection) is steady: it holds still when requests leave nothing
 * behind, and climbs with their number when they do.
 */
import { rssMiB } from "./procfs";

const sampleEveryMs = 200;

/** Runs the chunks one after another and returns the lowest RSS (MiB) seen during each. */
export async function floorsDuring(
  pid: number,
  chunks: (() => Promise<void>)[],
): Promise<number[]> {
  let samples: number[] = [];
  const sample = async () => {
    samples.push(await rssMiB(pid));
  };
  const timer = setInterval(() => void sample(), sampleEveryMs);
  const floors: number[] = [];
  try {
    for (const chunk of chunks) {
      await chunk();
      await sample();
      floors.push(Math.min(...samples));
      samples = [];
    }
  } finally {
    clearInterval(timer);
  }
  return floors;
}

/** Least-squares slope of the floors: growth (MiB) per chunk, steady through the noise. */
export function growthPerChunk(floors: number[]): number {
  const meanX = (floors.length - 1) / 2;
  const meanY = floors.reduce((sum, y) => sum + y, 0) / floors.length;
  let covariance = 0;
  let variance = 0;
  floors.forEach((y, x) => {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  });
  return variance === 0 ? 0 : covariance / variance;
}
