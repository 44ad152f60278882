/** How often and how patiently a Cal.com call is retried. */
export interface RetryPolicy {
  /** Total HTTP attempts per call, the first one included. */
  maxAttempts: number;
  /** Backoff before the 2nd attempt; doubles per attempt. */
  baseDelayMs: number;
  /** Ceiling of one backoff delay. */
  maxDelayMs: number;
  /**
   * Longest wait the client accepts for a rate limit (Retry-After or reset). A longer wait fails
   * the call at once with `retryAfterMs`, so a queue consumer can reschedule instead of idling.
   */
  maxRateLimitWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  // Cal.com blocks a key for 60 s after it exceeded its limit (calcom.md §3).
  maxRateLimitWaitMs: 61_000,
};

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, half random, so
 * clients that failed together spread out without ever retrying immediately.
 */
export function backoffDelayMs(failedAttempt: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
