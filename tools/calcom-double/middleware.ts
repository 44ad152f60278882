import type { Context, MiddlewareHandler } from "hono";
import { VERSION_HEADER } from "./api-versions";
import type { DoubleDeps, DoubleEnv, Principal } from "./context";
import {
  CalHttpError,
  INTERNAL_ERROR,
  INVALID_ACCESS_TOKEN_MESSAGE,
  INVALID_API_KEY_MESSAGE,
  NO_AUTH_MESSAGE,
  notFound,
  THROTTLED_MESSAGE,
  unauthorized,
} from "./http-errors";
import type { FaultRule, RequestLogEntry } from "./journal";

/** Marks a response the Node server turns into a dropped connection (and `fetch` into a TypeError). */
export const NETWORK_FAULT_HEADER = "X-Calcom-Double-Fault";

/** Records every /v2 request (after the fact, with its status) and echoes X-Request-Id. */
export function requestLog(deps: DoubleDeps): MiddlewareHandler<DoubleEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const auth = c.req.header("authorization")?.replace(/^Bearer\s+/i, "");
    const entry: RequestLogEntry = {
      seq: deps.journal.nextSeq(),
      at: new Date(deps.now()).toISOString(),
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      apiVersion: c.req.header(VERSION_HEADER) ?? null,
      auth: auth === undefined || auth === "" ? "none" : auth.startsWith("cal_") ? "api_key" : "access_token",
      userId: null,
      body: await bodyForLog(c),
      status: null,
      fault: null,
    };
    deps.journal.requests.push(entry);
    await next();
    const principal = c.get("principal");
    entry.userId = principal?.kind === "api_key" ? principal.user.id : null;
    entry.status = c.res.status;
    entry.fault = (c.res.headers.get("X-Calcom-Double-Fault-Kind") as FaultRule["kind"] | null) ?? null;
    c.res.headers.set("X-Request-Id", c.req.header("x-request-id") ?? "unknown-request-id");
  };
}

async function bodyForLog(c: Context<DoubleEnv>): Promise<unknown> {
  if (c.req.method === "GET" || c.req.method === "HEAD") return null;
  const text = await c.req.raw.clone().text();
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Fails the request as armed through the control API, before Cal.com's own code would see it. */
export function injectFaults(deps: DoubleDeps): MiddlewareHandler<DoubleEnv> {
  return async (c, next) => {
    const fault = deps.journal.takeFault(c.req.method, new URL(c.req.url).pathname);
    if (fault === null) return next();
    const marker = { "X-Calcom-Double-Fault-Kind": fault.kind };
    switch (fault.kind) {
      case "http_500":
        throw new CalHttpError(500, INTERNAL_ERROR.code, INTERNAL_ERROR.message, marker);
      case "http_503":
        // What a load balancer in front of Cal.com answers: not Cal.com's envelope.
        return new Response("Service Unavailable", { status: 503, headers: marker });
      case "http_429":
        throw new CalHttpError(429, "ThrottlerException", THROTTLED_MESSAGE, {
          ...marker,
          "X-RateLimit-Limit-Default": "120",
          "X-RateLimit-Remaining-Default": "0",
          "X-RateLimit-Reset-Default": String(fault.retryAfterSeconds ?? 60),
          ...(fault.retryAfterSeconds === null ? {} : { "Retry-After": String(fault.retryAfterSeconds) }),
        });
      case "network":
        return new Response(null, { status: 599, headers: { ...marker, [NETWORK_FAULT_HEADER]: "network" } });
      case "timeout":
        await hangUntilAborted(c.req.raw.signal, deps.hangCapMs);
        return new Response("Gateway Timeout", { status: 504, headers: marker });
    }
  };
}

/** Waits for the client to give up (its abort signal), at most `capMs`. */
function hangUntilAborted(signal: AbortSignal, capMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, capMs);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Identifies the caller and counts the hit, like Cal.com's throttler guard: an unknown `cal_` key
 * is refused here (401) before any auth guard runs; rate-limit headers go on every later answer.
 */
export function throttle(deps: DoubleDeps): MiddlewareHandler<DoubleEnv> {
  return async (c, next) => {
    const token = c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
    let principal: Principal = { kind: "none" };
    let tracker = `ip_${c.req.header("cf-connecting-ip") ?? "local"}`;
    if (token.startsWith("cal_")) {
      const user = deps.store.userByApiKey(token);
      if (user === undefined) throw unauthorized(INVALID_API_KEY_MESSAGE);
      principal = { kind: "api_key", user };
      tracker = `api_key_${token}`;
    } else if (token !== "") {
      principal = { kind: "access_token" };
      tracker = `access_token_${token}`;
    }
    c.set("principal", principal);
    const decision = deps.throttler.hit(tracker);
    if (!decision.allowed)
      throw new CalHttpError(429, "ThrottlerException", THROTTLED_MESSAGE, decision.headers);
    await next();
    for (const [name, value] of Object.entries(decision.headers)) c.res.headers.set(name, value);
  };
}

/**
 * Without an accepted `cal-api-version` Cal.com silently routes to the legacy 2024-04-15
 * controller. The double does not implement it and answers 404 naming the problem, so a client
 * that forgot the header fails loudly instead of parsing legacy shapes (calcom.md §7.2).
 */
export function requireVersion(accepted: readonly string[]): MiddlewareHandler<DoubleEnv> {
  return async (c, next) => {
    const sent = c.req.header(VERSION_HEADER);
    if (sent !== undefined && accepted.includes(sent)) return next();
    throw notFound(
      `cal-api-version ${sent === undefined ? "missing" : `"${sent}" unknown here`}: Cal.com would route this request to the legacy 2024-04-15 controller, which the double does not implement. Send one of: ${accepted.join(", ")}.`,
    );
  };
}

/** ApiAuthGuard: the endpoint needs a valid API key. */
export const requireAuth: MiddlewareHandler<DoubleEnv> = async (c, next) => {
  const principal = c.get("principal");
  if (principal.kind === "none") throw unauthorized(NO_AUTH_MESSAGE);
  if (principal.kind === "access_token") throw unauthorized(INVALID_ACCESS_TOKEN_MESSAGE);
  return next();
};
