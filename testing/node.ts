/**
 * The kit for node:test suites: `useStack()` starts an isolated stack (local core + `next start`,
 * own ports and data) before the file's tests and stops it after them.
 *
 *   const stack = useStack();
 *   test("…", async () => {
 *     const user = await signUp(stack);
 *     const reply = await call(`${stack.appUrl}/api/notes`, { headers: bearer(user.accessToken) });
 *   });
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { startStack, type Stack, type StackOptions } from "./stack";

/** The stack's addresses (read them in hooks and tests), and `ready` for helpers that wait. */
export type StackHandle = Omit<Stack, "stop"> & { ready: Promise<Stack> };

export function useStack(options: StackOptions = {}): StackHandle {
  let stack: Stack | undefined;
  let started: (value: Stack) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const ready = new Promise<Stack>((resolve, reject) => ([started, failed] = [resolve, reject]));
  ready.catch(() => undefined); // reported by the hook below; helpers awaiting it fail too

  before(async () => {
    try {
      stack = await startStack(options);
      started(stack);
    } catch (error) {
      failed(error);
      throw error;
    }
  });
  after(() => stack?.stop());

  const current = (): Stack => {
    if (!stack) throw new Error("useStack(): the stack is not started yet; await stack.ready");
    return stack;
  };
  return {
    ready,
    get appUrl() {
      return current().appUrl;
    },
    get coreUrl() {
      return current().coreUrl;
    },
    get dataDir() {
      return current().dataDir;
    },
    get databaseUrl() {
      return current().databaseUrl;
    },
    get appPid() {
      return current().appPid;
    },
  };
}

/**
 * A fresh temporary directory for the file's tests. It is removed when the test file's process
 * exits, so after every `after` hook has stopped the servers that write into it.
 */
export function useTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
