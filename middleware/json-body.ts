import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";
import contentType from "content-type";
import type { NextApiRequest, NextApiResponse } from "next";
import type { NextHandler } from "next-connect";
import getRawBody from "raw-body";
import { HttpError } from "@/server/http-error";

/**
 * The body link: reads a JSON body up to `limit` into `req.body`. Route files that use it export
 * `config = { api: { bodyParser: false } }`, because Next's own parser would answer first, in plain
 * text (`Invalid JSON`, `Body exceeded 1mb limit`), instead of our JSON error shape.
 */
export function jsonBody({ limit }: { limit: string }) {
  return async (req: NextApiRequest, _res: NextApiResponse, next: NextHandler) => {
    req.body = await readJson(req, req.headers, limit);
    return next();
  };
}

/**
 * The body as JSON, or `undefined` when there is none. Also used by the App Router's route
 * handlers (middleware/app/json-body.ts), which hand over their body as a Node stream.
 */
export async function readJson(
  stream: Readable,
  headers: IncomingHttpHeaders,
  limit: string,
): Promise<unknown> {
  if (!hasBody(headers)) return undefined;
  return parseJson(await readBody(stream, headers, limit));
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers["transfer-encoding"] !== undefined || Number(headers["content-length"]) > 0;
}

async function readBody(stream: Readable, headers: IncomingHttpHeaders, limit: string) {
  const type = parseContentType(headers);
  if (type.type !== "application/json") {
    throw new HttpError(400, "unsupported_content_type", "Send the body as application/json");
  }
  const charset = type.parameters.charset?.toLowerCase() ?? "utf-8";
  if (charset !== "utf-8" && charset !== "utf8") {
    throw new HttpError(400, "unsupported_charset", "Send the body as UTF-8");
  }
  try {
    return await getRawBody(stream, {
      length: headers["content-length"],
      limit,
      encoding: "utf-8",
    });
  } catch (error) {
    if (isRawBodyError(error) && error.type === "entity.too.large") {
      throw new HttpError(413, "payload_too_large", `The body must be at most ${limit}`);
    }
    throw new HttpError(400, "unreadable_body", "The request body could not be read");
  }
}

function parseContentType(headers: IncomingHttpHeaders): contentType.ParsedMediaType {
  try {
    return contentType.parse({ headers });
  } catch {
    throw new HttpError(400, "unsupported_content_type", "Send the body as application/json");
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "The body is not valid JSON");
  }
}

function isRawBodyError(error: unknown): error is getRawBody.RawBodyError {
  return error instanceof Error && "type" in error;
}
