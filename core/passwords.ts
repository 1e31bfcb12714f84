import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";

// The real core's argon2id defaults (argon2_iterations, argon2_memory_kb, argon2_parallelism).
const ARGON2_OPTIONS = { timeCost: 1, memoryCost: 87_795, parallelism: 2 };

/**
 * Hashing runs on libuv's threadpool, which also signs tokens (WebCrypto), and costs ~86 MiB
 * and a core for ~0.1 s. Capping hashes in flight at half the cores keeps the other half for
 * sessions, so refreshes do not stall while sign-ins run, and bounds the memory.
 */
const MAX_CONCURRENT_HASHES = Math.max(1, Math.floor(availableParallelism() / 2));
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running < MAX_CONCURRENT_HASHES) running += 1;
  else await new Promise<void>((go) => waiting.push(go)); // the finishing task hands its slot over
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export const hashPassword = (password: string): Promise<string> =>
  limited(() => hash(password, ARGON2_OPTIONS));

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  limited(() => verify(passwordHash, password));
