import { apiDomain } from "./config";

export type ApiResult = { status: number; body: unknown };

/**
 * Calls the app's API on the other origin. A network or CORS failure rejects with a TypeError
 * (the browser hides the reason from scripts; it prints it in the console instead).
 */
export async function callApi(method: string, path: string, body?: unknown): Promise<ApiResult> {
  const response = await fetch(`${apiDomain}${path}`, {
    method,
    // Sends the API's cookies from another origin. The SDK adds it too (`autoAddCredentials`), but
    // a copied call that the SDK does not intercept would silently go out without the session.
    credentials: "include",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
