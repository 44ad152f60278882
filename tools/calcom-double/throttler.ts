/**
 * Cal.com's CustomThrottlerGuard (calcom.md §3): a fixed window per tracker (API key, access
 * token or IP), 120 hits per 60 s for keys, then blocked for 60 s. Headers per named limit
 * (`default` → `-Default`); Reset is in seconds remaining, and no Retry-After is set by this guard.
 */
export interface ThrottleSettings {
  limit: number;
  windowMs: number;
  blockMs: number;
}

export interface ThrottleDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Bucket {
  hits: number;
  windowEndsAt: number;
  blockedUntil: number;
}

export class Throttler {
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: ThrottleSettings,
    private readonly now: () => number,
  ) {}

  reset(): void {
    this.buckets.clear();
  }

  hit(tracker: string): ThrottleDecision {
    const now = this.now();
    let bucket = this.buckets.get(tracker);
    if (bucket === undefined || (now >= bucket.windowEndsAt && now >= bucket.blockedUntil)) {
      bucket = { hits: 0, windowEndsAt: now + this.settings.windowMs, blockedUntil: 0 };
      this.buckets.set(tracker, bucket);
    }
    bucket.hits += 1;
    if (bucket.blockedUntil <= now && bucket.hits > this.settings.limit) {
      bucket.blockedUntil = now + this.settings.blockMs;
    }
    const blocked = bucket.blockedUntil > now;
    const resetMs = blocked ? bucket.blockedUntil - now : bucket.windowEndsAt - now;
    return {
      allowed: !blocked,
      headers: {
        "X-RateLimit-Limit-Default": String(this.settings.limit),
        "X-RateLimit-Remaining-Default": String(blocked ? 0 : Math.max(0, this.settings.limit - bucket.hits)),
        "X-RateLimit-Reset-Default": String(Math.ceil(resetMs / 1000)),
      },
    };
  }
}
