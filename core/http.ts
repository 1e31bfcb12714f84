/** Sent on every answer, so tools (scripts/dev.ts) can tell this core from a real one. */
export const LOCAL_CORE_HEADER = "x-local-supertokens-core";

/** A client error the core answers as plain text, like the real core (`text/html` + newline). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A finished answer with its own headers; handlers that return plain objects get JSON. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly headers: Record<string, string>,
  ) {}

  static json(value: unknown, headers: Record<string, string> = {}): Reply {
    return new Reply(200, JSON.stringify(value), {
      "content-type": "application/json; charset=utf-8",
      ...headers,
    });
  }

  static text(status: number, message: string): Reply {
    return new Reply(status, `${message}\n`, { "content-type": "text/plain; charset=utf-8" });
  }
}
