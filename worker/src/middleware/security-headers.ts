import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app-env";

/** The seed's security headers (spec §1.5) plus HSTS; the docs page widens the CSP for its own assets. */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set("X-Frame-Options", "DENY");
  h.set("X-Content-Type-Options", "nosniff");
  h.set("X-XSS-Protection", "1; mode=block");
  h.set("Referrer-Policy", "strict-origin-when-cross-origin");
  h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (!h.has("Content-Security-Policy")) h.set("Content-Security-Policy", "default-src 'self'");
});
