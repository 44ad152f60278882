import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app-env";
import { timingsOf } from "../http/server-timing";

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, a fresh UUID otherwise),
 * echoes it on the response and adds a Server-Timing entry with the handler's own time.
 */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  const incoming = c.req.header("x-request-id");
  const id = incoming && ACCEPTABLE_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", id);
  await next();
  c.res.headers.set("X-Request-Id", id);
  const elapsed = performance.now() - started;
  c.res.headers.append("Server-Timing", [`app;dur=${elapsed.toFixed(1)}`, ...timingsOf(c)].join(", "));
});
