import { DurableObject } from "cloudflare:workers";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds at which the current window ends. */
  resetAt: number;
  /** The caller was revoked (an API key): the request must be refused as unauthenticated. */
  revoked?: true;
}

const REVOKED = "revoked";

export interface Bucket {
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Exact fixed-window counters for one caller (one object per caller key, addressed by name),
 * one counter per bucket ("api", "bookings:create", …), so a request that falls under several
 * limits costs one call. Counts live in memory: an evicted object starts fresh windows, which
 * errs on the caller's side and never blocks wrongly. The Workers Rate Limiting binding cannot
 * report remaining quota, which the X-RateLimit-* headers need, hence this object.
 *
 * Every request of a caller passes through here, so the object also carries the caller's
 * revocation: a revoked API key is marked here (durably) before anything else, and every hit
 * after that reports it, which is what lets isolates cache verified keys (api-key-cache.ts).
 */
export class RateLimiter extends DurableObject {
  private readonly windows = new Map<string, { start: number; count: number }>();
  /** Read once per object life from its storage; a revocation is never undone. */
  private revoked: boolean | undefined;

  /** Marks the caller revoked, for good: every later hit reports it. */
  revoke(): void {
    this.ctx.storage.kv.put(REVOKED, true);
    this.revoked = true;
  }

  /**
   * Counts one hit in every bucket if all of them have room; otherwise counts nothing and
   * reports the bucket that is full. The decision returned is the tightest one.
   */
  hit(buckets: Bucket[], now = Date.now()): RateLimitDecision {
    this.revoked ??= this.ctx.storage.kv.get<boolean>(REVOKED) === true;
    if (this.revoked) return { allowed: false, limit: 0, remaining: 0, resetAt: 0, revoked: true };
    const states = buckets.map((bucket) => {
      const windowMs = bucket.windowSeconds * 1000;
      const start = now - (now % windowMs);
      let state = this.windows.get(bucket.name);
      if (!state || state.start !== start) {
        state = { start, count: 0 };
        this.windows.set(bucket.name, state);
      }
      return { bucket, state, resetAt: Math.ceil((start + windowMs) / 1000) };
    });
    const full = states.find((s) => s.state.count >= s.bucket.limit);
    if (full) return { allowed: false, limit: full.bucket.limit, remaining: 0, resetAt: full.resetAt };
    let tightest: RateLimitDecision | null = null;
    for (const s of states) {
      s.state.count += 1;
      const decision = {
        allowed: true,
        limit: s.bucket.limit,
        remaining: s.bucket.limit - s.state.count,
        resetAt: s.resetAt,
      };
      if (!tightest || decision.remaining < tightest.remaining) tightest = decision;
    }
    return tightest ?? { allowed: true, limit: 0, remaining: 0, resetAt: Math.ceil(now / 1000) };
  }
}
