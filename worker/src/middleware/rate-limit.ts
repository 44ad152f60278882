import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app-env";
import { ApiError, unauthenticated } from "../http/errors";
import { timed } from "../http/server-timing";
import type { RateLimitDecision } from "./rate-limiter-object";

export interface RateLimitRule {
  /** Names the bucket, e.g. "api" or "bookings:create". */
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one hit of every rule for `key` (one call to that caller's limiter object) and reports
 * the tightest decision; RATE_LIMIT_FACTOR scales the limits.
 */
export async function consumeRateLimit(
  c: Context<AppEnv>,
  rules: RateLimitRule | readonly RateLimitRule[],
  key: string,
): Promise<RateLimitDecision> {
  const factor = limitFactor(c);
  const buckets = (Array.isArray(rules) ? rules : [rules]).map((rule: RateLimitRule) => ({
    name: rule.name,
    limit: Math.max(1, Math.floor(rule.limit * factor)),
    windowSeconds: rule.windowSeconds,
  }));
  const stub = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(key));
  return stub.hit(buckets);
}

function limitFactor(c: Context<AppEnv>): number {
  const factor = Number(c.env.RATE_LIMIT_FACTOR ?? "1");
  return Number.isFinite(factor) && factor > 0 ? factor : 1;
}

export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(decision.limit),
    "X-RateLimit-Remaining": String(decision.remaining),
    "X-RateLimit-Reset": String(decision.resetAt),
  };
  if (!decision.allowed) {
    headers["Retry-After"] = String(Math.max(1, decision.resetAt - Math.floor(Date.now() / 1000)));
  }
  return headers;
}

export function rateLimitedError(decision: RateLimitDecision): ApiError {
  return new ApiError(
    429,
    "RATE_LIMITED",
    "Too many requests, please retry later",
    { retry_after_seconds: Number(rateLimitHeaders(decision)["Retry-After"]) },
    rateLimitHeaders(decision),
  );
}

/** Enforces `rules` per key (default: the authenticated principal, else the client address). */
export function rateLimit(
  rules: RateLimitRule | readonly RateLimitRule[],
  keyOf: (c: Context<AppEnv>) => string = principalOrClientKey,
) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const decision = await timed(c, "ratelimit", consumeRateLimit(c, rules, keyOf(c)));
    if (decision.revoked) throw unauthenticated("Invalid API key");
    if (!decision.allowed) throw rateLimitedError(decision);
    await next();
    for (const [name, value] of Object.entries(rateLimitHeaders(decision))) c.res.headers.set(name, value);
  });
}

export function clientAddress(c: Context<AppEnv>): string {
  return c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "local";
}

function principalOrClientKey(c: Context<AppEnv>): string {
  const principal = c.get("principal");
  return principal ? principal.rateLimitKey : `ip:${clientAddress(c)}`;
}

/**
 * Coarse per-address flood guard using the Workers Rate Limiting binding (no headers, just 429).
 * Its limit is fixed in wrangler.toml, so it steps aside when RATE_LIMIT_FACTOR raises the limits
 * (local benchmarks send thousands of requests a minute from one address).
 */
export const floodGuard = createMiddleware<AppEnv>(async (c, next) => {
  const guard = c.env.FLOOD_GUARD;
  if (guard && limitFactor(c) <= 1) {
    const { success } = await guard.limit({ key: clientAddress(c) });
    if (!success) {
      throw new ApiError(429, "RATE_LIMITED", "Too many requests from this address", undefined, {
        "Retry-After": "60",
      });
    }
  }
  return next();
});
