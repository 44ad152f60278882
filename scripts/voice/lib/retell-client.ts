/**
 * Sends requests the way Retell does (reference/retell.md §1.2, §3, §7): compact JSON, signed over
 * the exact bytes sent (`X-Retell-Signature: v=<ms>,d=<hex HMAC-SHA256(body + ms)>` keyed with the
 * Retell API key), and on a timeout or a non-2xx answer the same bytes with the same header are
 * sent again, up to `retries` more times.
 */
import { signRetellBody } from "../../../worker/src/integrations/retell/signature";

export interface Attempt {
  attempt: number;
  /** HTTP status, or 0 when the attempt timed out or the connection failed. */
  status: number;
  latencyMs: number;
  error?: string;
}

export interface RetellResponse<T = Record<string, unknown>> {
  /** Status of the last attempt (0: no answer). */
  status: number;
  ok: boolean;
  text: string;
  json: T | null;
  /** Round trip of the last attempt, from sending to the end of the body. */
  latencyMs: number;
  /** All attempts together. */
  totalMs: number;
  /** Server-Timing entries in ms (`app` is the handler's own time). */
  timings: Record<string, number>;
  attempts: Attempt[];
  headers: Headers | null;
}

export interface SendOptions {
  baseUrl: string;
  retellKey: string;
  timeoutMs: number;
  /** More attempts after the first (Retell: 2 for functions, 3 for webhooks). */
  retries: number;
  /** Told before each retry. */
  onRetry?: (failed: Attempt, next: number) => void;
}

/** Retell's JSON: compact, raw UTF-8. */
export const retellJson = (body: unknown): string => JSON.stringify(body);

/** `app;dur=12.3, auth;dur=0.4` → { app: 12.3, auth: 0.4 }. */
export function parseServerTiming(header: string | null): Record<string, number> {
  const timings: Record<string, number> = {};
  for (const entry of (header ?? "").split(",")) {
    const [name, ...params] = entry.trim().split(";");
    if (!name) continue;
    const dur = params.map((p) => /^\s*dur=([\d.]+)/.exec(p)?.[1]).find((d) => d !== undefined);
    if (dur !== undefined) timings[name.trim()] = (timings[name.trim()] ?? 0) + Number(dur);
  }
  return timings;
}

/** Headers of a signed POST for exactly these bytes. */
export async function signedHeaders(rawBody: string, retellKey: string, timestampMs = Date.now()) {
  return {
    "Content-Type": "application/json",
    "X-Retell-Signature": await signRetellBody(rawBody, retellKey, timestampMs),
  };
}

/** POSTs `rawBody` signed, retrying on timeout or non-2xx like Retell. */
export async function sendSigned<T = Record<string, unknown>>(
  path: string,
  rawBody: string,
  options: SendOptions,
): Promise<RetellResponse<T>> {
  const headers = await signedHeaders(rawBody, options.retellKey);
  const attempts: Attempt[] = [];
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    const t0 = performance.now();
    let status = 0;
    let text = "";
    let responseHeaders: Headers | null = null;
    let error: string | undefined;
    try {
      const res = await fetch(options.baseUrl + path, {
        method: "POST",
        headers,
        body: rawBody,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await res.text();
      status = res.status;
      responseHeaders = res.headers;
    } catch (e) {
      const name = (e as Error).name;
      error =
        name === "TimeoutError" || name === "AbortError"
          ? `timeout after ${options.timeoutMs} ms`
          : String(e);
    }
    const latencyMs = performance.now() - t0;
    const record: Attempt = { attempt, status, latencyMs, ...(error ? { error } : {}) };
    attempts.push(record);
    const ok = status >= 200 && status < 300;
    if (ok || attempt > options.retries) {
      let json: T | null = null;
      try {
        json = text ? (JSON.parse(text) as T) : null;
      } catch {
        json = null;
      }
      return {
        status,
        ok,
        text: error ?? text,
        json,
        latencyMs,
        totalMs: performance.now() - started,
        timings: parseServerTiming(responseHeaders?.get("server-timing") ?? null),
        attempts,
        headers: responseHeaders,
      };
    }
    options.onRetry?.(record, attempt + 1);
  }
}
