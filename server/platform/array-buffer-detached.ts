/**
 * Node 20 lacks `ArrayBuffer.prototype.detached` (Node 21 and later have it). React's server
 * renderer looks for it before it writes an empty chunk and, without it, logs "React encountered an
 * empty buffer … does not support ArrayBuffer.prototype.detached" in development. The getter is
 * exact: a detached buffer is the one kind no typed array can be built on (and building a view
 * copies nothing). Installed only where the runtime has none.
 */
export function provideArrayBufferDetached(): void {
  if (Object.hasOwn(ArrayBuffer.prototype, "detached")) return;
  Object.defineProperty(ArrayBuffer.prototype, "detached", {
    configurable: true,
    get(this: ArrayBuffer): boolean {
      try {
        new Uint8Array(this);
        return false;
      } catch {
        return true;
      }
    },
  });
}
