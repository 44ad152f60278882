import type { MiddlewareHandler } from "hono";
import type { Permission } from "../auth/roles";
import type { AppEnv } from "../http/app-env";
import { authenticate } from "../middleware/authenticate";
import { requirePermission } from "../middleware/authorize";
import { type RateLimitRule, rateLimit } from "../middleware/rate-limit";

/** Per-principal API budget (seed §8.6, layer 2: 120 requests per minute per user or key). */
export const API_RATE_LIMIT: RateLimitRule = { name: "api", limit: 120, windowSeconds: 60 };

/**
 * Middleware for a protected route: who is calling, within budget (the API budget plus the
 * route's own limits, counted in one call), allowed to do this.
 */
export function guard(
  permission: Permission,
  routeLimits: readonly RateLimitRule[] = [],
): MiddlewareHandler<AppEnv>[] {
  return [authenticate, rateLimit([API_RATE_LIMIT, ...routeLimits]), requirePermission(permission)];
}

/**
 * Middleware for a route any signed-in caller may use (who am I, log out): who is calling, within
 * budget. Every authenticated route passes the rate limiter, which is also where a revoked API key
 * is refused (see auth/api-key-cache.ts).
 */
export function signedIn(): MiddlewareHandler<AppEnv>[] {
  return [authenticate, rateLimit([API_RATE_LIMIT])];
}

/** OpenAPI security requirement of every protected route: an API key or an admin session. */
export const SECURED: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];
