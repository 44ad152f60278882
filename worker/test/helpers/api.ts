import { exports } from "cloudflare:workers";

export interface ApiRequest {
  method?: string;
  body?: unknown;
  /** Raw body text (sent as is), for malformed-input tests. */
  rawBody?: string;
  headers?: Record<string, string>;
  apiKey?: string;
  cookie?: string;
}

/** Calls the Worker under test exactly as a client would (through its fetch handler). */
export function api(path: string, request: ApiRequest = {}): Promise<Response> {
  const headers = new Headers(request.headers);
  if (request.apiKey) headers.set("Authorization", `Bearer ${request.apiKey}`);
  if (request.cookie) headers.set("Cookie", request.cookie);
  let body: string | undefined = request.rawBody;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    if (!headers.has("content-type")) headers.set("Content-Type", "application/json");
  }
  return exports.default.fetch(
    new Request(`https://api.test${path}`, {
      method: request.method ?? (body ? "POST" : "GET"),
      headers,
      body,
    }),
  );
}

/** Parses a JSON response body with a type for the test's convenience. */
export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
