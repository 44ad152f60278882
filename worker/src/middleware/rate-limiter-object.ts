import { DurableObject } from "cloudflare:workers";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds at which the current window ends. */
  resetAt: number;
}

/**
 * Exact fixed-window counter for one rate-limit key (one object per key, addressed by name).
 * Counts live in memory: an evicted object starts a fresh window, which errs on the side of the
 * caller and never blocks wrongly. The Workers Rate Limiting binding cannot report remaining
 * quota, which the X-RateLimit-* headers need, hence this object.
 */
export class RateLimiter extends DurableObject {
  private windowStart = 0;
  private count = 0;

  hit(limit: number, windowSeconds: number, now = Date.now()): RateLimitDecision {
    const windowMs = windowSeconds * 1000;
    const start = now - (now % windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.count = 0;
    }
    const resetAt = Math.ceil((start + windowMs) / 1000);
    if (this.count >= limit) return { allowed: false, limit, remaining: 0, resetAt };
    this.count += 1;
    return { allowed: true, limit, remaining: limit - this.count, resetAt };
  }

  /** Forgets the current window (after a successful login, for example). */
  clear(): void {
    this.count = 0;
  }
}
