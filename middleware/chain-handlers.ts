/**
 * Which handlers were built from the chain's links. Route files only export functions, so this is
 * how the contract test over pages/api and app/ (test/api/contract.test.ts) tells a chain from a
 * bare handler that would skip CORS, no-store and the error link.
 */
const built = new WeakSet<object>();

/** Marks `handler` as built by a chain factory (createApiRouter, withSession, protectedRoute). */
export function chainHandler<H extends object>(handler: H): H {
  built.add(handler);
  return handler;
}

export const isChainHandler = (value: unknown): boolean =>
  typeof value === "function" && built.has(value);
