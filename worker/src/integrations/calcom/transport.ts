import type { z } from "zod";
import { CALCOM_API_VERSION_HEADER } from "./api-versions";
import { CALCOM_CLIENT_ERROR_CODES, CalcomError } from "./errors";
import { RateLimitGate } from "./rate-limit";
import { buildRequestUrl, type QueryValue } from "./request-url";
import { type CalcomResponse, errorFromResponse, parseSuccess } from "./response-parsing";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";
import { AttemptAbortedError, withDeadline } from "./timeout";

export const CALCOM_DEFAULT_BASE_URL = "https://api.cal.com/v2";
export const CALCOM_DEFAULT_TIMEOUT_MS = 10_000;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface CalcomClientOptions {
  /** A `cal_` / `cal_live_` API key, sent as `Authorization: Bearer …`. */
  apiKey: string;
  /** Including `/v2`. Defaults to https://api.cal.com/v2. */
  baseUrl?: string;
  /** Defaults to the global fetch; tests pass the double's in-process fetch. */
  fetch?: FetchLike;
  /** Waits between attempts; tests pass a fake that records the waits. */
  sleep?: (ms: number) => Promise<void>;
  /** Clock for rate-limit resets, in epoch milliseconds. */
  now?: () => number;
  /** Source of backoff jitter in [0, 1). */
  random?: () => number;
  /** Deadline of one attempt (request and body). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

/** Per-call overrides. */
export interface CallOptions {
  signal?: AbortSignal;
  maxAttempts?: number;
  timeoutMs?: number;
}

export interface CalcomCall<T> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Below the base URL, e.g. `/bookings/abc`. */
  path: string;
  /** `cal-api-version`, or null for controllers that serve every version. */
  version: string | null;
  query?: Record<string, QueryValue>;
  body?: unknown;
  data: z.ZodType<T>;
  /**
   * Whether sending it twice has the effect of sending it once. When a non-idempotent call fails
   * ambiguously, the error says so (`uncertainOutcome`) so the caller can reconcile.
   */
  idempotent: boolean;
}

/**
 * Sends Cal.com calls: auth and version headers, envelope parsing, a per-attempt deadline, the
 * rate-limit gate and retries (429, 5xx, network errors, timeouts; never another 4xx).
 */
export class CalcomTransport {
  private readonly apiKey: string;
  private readonly baseUrl: string;
  private readonly fetchFn: FetchLike;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly gate: RateLimitGate;

  constructor(options: CalcomClientOptions) {
    this.apiKey = options.apiKey;
    this.baseUrl = options.baseUrl ?? CALCOM_DEFAULT_BASE_URL;
    // Workers' fetch must not be called with another `this`, so it is wrapped rather than stored.
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? CALCOM_DEFAULT_TIMEOUT_MS;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.gate = new RateLimitGate(this.now);
  }

  async call<T>(call: CalcomCall<T>, options: CallOptions = {}): Promise<CalcomResponse<T>> {
    const maxAttempts = Math.max(1, options.maxAttempts ?? this.policy.maxAttempts);
    let uncertainOutcome = false;
    for (let attempt = 1; ; attempt++) {
      await this.waitForRateLimit(attempt - 1, uncertainOutcome);
      try {
        return await this.attempt(call, options);
      } catch (error) {
        if (!(error instanceof CalcomError)) throw error;
        if (!call.idempotent && mayHaveBeenApplied(error)) uncertainOutcome = true;
        if (!error.retryable || attempt >= maxAttempts) throw error.withAttempts(attempt, uncertainOutcome);
        const backoff = backoffDelayMs(attempt, this.policy, this.random);
        if (error.status === 429) {
          // Cal.com said how long; the gate makes concurrent calls of this client wait too.
          this.gate.blockFor(error.retryAfterMs ?? backoff);
        } else {
          await this.sleep(backoff);
        }
      }
    }
  }

  private async waitForRateLimit(attemptsSoFar: number, uncertainOutcome: boolean): Promise<void> {
    const wait = this.gate.waitMs();
    if (wait <= 0) return;
    if (wait > this.policy.maxRateLimitWaitMs) {
      throw new CalcomError({
        status: attemptsSoFar > 0 ? 429 : null,
        code: CALCOM_CLIENT_ERROR_CODES.rateLimitWaitTooLong,
        message: `Cal.com rate limit: next call allowed in ${wait} ms, more than the ${this.policy.maxRateLimitWaitMs} ms this client waits`,
        retryable: true,
        attempts: attemptsSoFar,
        uncertainOutcome,
        retryAfterMs: wait,
      });
    }
    await this.sleep(wait);
  }

  /** One HTTP exchange. Throws a CalcomError whose `retryable` tells the loop what to do. */
  private async attempt<T>(call: CalcomCall<T>, options: CallOptions): Promise<CalcomResponse<T>> {
    const url = buildRequestUrl(this.baseUrl, call.path, call.query);
    const headers = new Headers({ Authorization: `Bearer ${this.apiKey}`, Accept: "application/json" });
    if (call.version !== null) headers.set(CALCOM_API_VERSION_HEADER, call.version);
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers.set("Content-Type", "application/json");
    }
    let exchange: { response: Response; text: string };
    try {
      exchange = await withDeadline(options.timeoutMs ?? this.timeoutMs, options.signal, async (signal) => {
        const response = await this.fetchFn(url, { method: call.method, headers, body, signal });
        return { response, text: await response.text() };
      });
    } catch (error) {
      throw transportFailure(error, call.path);
    }
    const { response, text } = exchange;
    this.gate.observe(response.headers);
    if (response.ok) return parseSuccess(response, text, call.data, call.path);
    throw errorFromResponse(response, text, call.path, this.now());
  }
}

/** A failure before any HTTP status arrived. Only the caller's own abort is final. */
function transportFailure(error: unknown, path: string): CalcomError {
  if (error instanceof AttemptAbortedError) {
    const timedOut = error.reason === "timeout";
    return new CalcomError({
      status: null,
      code: timedOut ? CALCOM_CLIENT_ERROR_CODES.timeout : CALCOM_CLIENT_ERROR_CODES.aborted,
      message: error.message,
      retryable: timedOut,
      attempts: 1,
      path,
    });
  }
  return new CalcomError({
    status: null,
    code: CALCOM_CLIENT_ERROR_CODES.network,
    message: `Cal.com unreachable: ${error instanceof Error ? error.message : String(error)}`,
    retryable: true,
    attempts: 1,
    path,
  });
}

/**
 * Cal.com may have done the work even though we got no answer (timeout, network error) or a 5xx
 * (the booking row is written before later steps such as calendar sync can fail).
 */
function mayHaveBeenApplied(error: CalcomError): boolean {
  if (error.code === CALCOM_CLIENT_ERROR_CODES.aborted) return true;
  return error.status === null || error.status >= 500;
}
