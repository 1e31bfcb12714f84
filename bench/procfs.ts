/**
 * What the kernel says about a server process (Linux /proc), read from outside: nothing is
 * measured or forced inside the server.
 */
import { readFile } from "node:fs/promises";

/** Resident set size in MiB. */
export async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kib) / 1024;
}

/** CPU time used so far (user + system, all threads: the event loop and libuv's pool alike). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields follow the command name in parentheses, which may itself hold spaces; utime and
  // stime are fields 14 and 15, counted in USER_HZ ticks (100 per second on Linux).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
