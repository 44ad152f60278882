import type { MiddlewareHandler } from "hono";
import type { Permission } from "../auth/roles";
import type { AppEnv } from "../http/app-env";
import { authenticate } from "../middleware/authenticate";
import { requirePermission } from "../middleware/authorize";
import { rateLimit } from "../middleware/rate-limit";

/** Per-principal API budget (seed §8.6, layer 2: 120 requests per minute per user or key). */
export const apiRateLimit = rateLimit({ name: "api", limit: 120, windowSeconds: 60 });

/** Middleware for a protected route: who is calling, within budget, allowed to do this. */
export function guard(permission: Permission): MiddlewareHandler<AppEnv>[] {
  return [authenticate, apiRateLimit, requirePermission(permission)];
}

/** OpenAPI security requirement of every protected route: an API key or an admin session. */
export const SECURED: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];
