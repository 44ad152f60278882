import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app-env";

/** CORS only for the admin origins configured in CORS_ORIGINS; same-origin calls need none. */
export const corsForAdminOrigins = createMiddleware<AppEnv>((c, next) => {
  const allowed = new Set(
    (c.env.CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  );
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    credentials: true,
    allowHeaders: [
      "Content-Type",
      "Authorization",
      "X-API-Key",
      "Idempotency-Key",
      "X-Request-Id",
      "If-Match",
    ],
    exposeHeaders: [
      "X-Request-Id",
      "X-RateLimit-Limit",
      "X-RateLimit-Remaining",
      "X-RateLimit-Reset",
      "Retry-After",
      "Server-Timing",
      "ETag",
    ],
    maxAge: 600,
  })(c, next);
});
