/**
 * Reading Cal.com's rate-limit headers. Each named limit has its own triple
 * `X-RateLimit-{Limit,Remaining,Reset}-<Name>` (the default one is `-Default`, calcom.md §3).
 */

const REMAINING_PREFIX = "x-ratelimit-remaining";

/**
 * Milliseconds until the exhausted limit resets, or null when no limit is exhausted. When several
 * limits are at 0 the longest reset wins: every one of them must have reset before the next call.
 */
export function exhaustedLimitWaitMs(headers: Headers, nowMs: number): number | null {
  let wait: number | null = null;
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (!lower.startsWith(REMAINING_PREFIX) || value.trim() === "") return;
    const remaining = Number(value);
    if (!Number.isFinite(remaining) || remaining > 0) return;
    const suffix = lower.slice(REMAINING_PREFIX.length);
    const reset = resetToWaitMs(headers.get(`x-ratelimit-reset${suffix}`), nowMs);
    if (reset !== null) wait = Math.max(wait ?? 0, reset);
  });
  return wait;
}

/**
 * Cal.com's code sends the reset as seconds remaining, while a third-party page calls it a Unix
 * timestamp (calcom.md §3 [U]). Large values are therefore read as epoch seconds (or milliseconds)
 * and small ones as a duration, which is right under either reading.
 */
export function resetToWaitMs(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === "") return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) return null;
  if (n > 1e12) return Math.max(0, n - nowMs);
  if (n > 1e9) return Math.max(0, n * 1000 - nowMs);
  return n * 1000;
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110), in milliseconds; null when absent or bad. */
export function retryAfterMs(headers: Headers, nowMs: number): number | null {
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** How long to wait after a 429: Retry-After if sent, else the exhausted limit's reset. */
export function throttledWaitMs(headers: Headers, nowMs: number): number | null {
  return retryAfterMs(headers, nowMs) ?? exhaustedLimitWaitMs(headers, nowMs);
}

/**
 * Holds calls back while the API key's budget is used up. One gate per client (and so per API
 * key): concurrent calls of the same client wait together instead of each earning a 429.
 */
export class RateLimitGate {
  private blockedUntil = 0;

  constructor(private readonly now: () => number) {}

  /** Milliseconds the next call must wait (0 when it may go now). */
  waitMs(): number {
    return Math.max(0, this.blockedUntil - this.now());
  }

  /** Notes the limit state a response reported. */
  observe(headers: Headers): void {
    const now = this.now();
    const wait = exhaustedLimitWaitMs(headers, now);
    if (wait !== null) this.blockFor(wait);
  }

  blockFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
  }
}
