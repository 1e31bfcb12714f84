/** Next.js calls `register` once when a server process starts, before it serves any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { provideArrayBufferDetached } = await import("./server/platform/array-buffer-detached");
  provideArrayBufferDetached();
  // The database check: `next build` (NEXT_PHASE) and `next dev` (which migrates by itself:
  // scripts/dev.ts) skip it.
  if (process.env.NODE_ENV !== "production") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { refuseUnmigratedDatabase } = await import("./server/db/startup-check");
  await refuseUnmigratedDatabase();
}
