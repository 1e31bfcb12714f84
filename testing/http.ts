/** Requests to the app as a test makes them: the answer read once, JSON parsed when it is JSON. */

/**
 * Where a stack answers. A suite's stack (testing/node.ts) may still be starting when another
 * `before` hook runs (Node 20 runs a file's top-level hooks concurrently), so the kit's helpers
 * wait for `ready` before reading an address.
 */
export type At<K extends "appUrl" | "coreUrl" | "dataDir"> = Record<K, string> & {
  ready?: Promise<unknown>;
};

export type Reply = { status: number; headers: Headers; body: unknown; text: string };

/** fetch, with the body read once as text and, when it is JSON, parsed. Redirects are not followed. */
export async function call(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, { redirect: "manual", ...init });
  const text = await response.text();
  let body: unknown = text;
  if (text && response.headers.get("content-type")?.includes("application/json")) {
    body = JSON.parse(text);
  }
  return { status: response.status, headers: response.headers, body, text };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A request with a JSON body, as the signed-in user when a token is given. */
export function send(method: string, value: unknown, token?: string): RequestInit {
  return {
    method,
    headers: { "content-type": "application/json", ...(token ? bearer(token) : {}) },
    body: JSON.stringify(value),
  };
}
