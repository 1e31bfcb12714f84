import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { readJson } from "../json-body";

/**
 * A route handler's JSON body, read by the same code as the pages/api body link (content type,
 * charset, size limit, JSON errors as 400/413 in the app's shape). `undefined` when there is none.
 */
export function readJsonBody(request: Request, limit: string): Promise<unknown> {
  if (request.body === null) return Promise.resolve(undefined);
  // On Node the body is Node's own web stream; TypeScript's DOM types only lack its iterator.
  const stream = Readable.fromWeb(request.body as ReadableStream<Uint8Array>);
  return readJson(stream, Object.fromEntries(request.headers), limit);
}
