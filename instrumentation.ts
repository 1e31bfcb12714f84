/** Next.js calls `register` once when a server process starts, before it serves any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { provideArrayBufferDetached } = await import("./server/platform/array-buffer-detached");
  provideArrayBufferDetached();
}
