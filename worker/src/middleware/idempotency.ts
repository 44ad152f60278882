import { and, eq } from "drizzle-orm";
import type { Context, Next } from "hono";
import { createMiddleware } from "hono/factory";
import { idempotencyKeys } from "../../../drizzle/schema";
import { sha256Hex } from "../auth/crypto-helpers";
import type { AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";
import { tenantScope } from "./authorize";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Keys are remembered this long; a retry after that is a new request. */
const RETENTION_MS = 24 * 3_600_000;
/** A repeat that arrives while the first request still runs waits this long for its answer. */
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 25;

/**
 * `Idempotency-Key` for mutations: the first request with a key runs; a repeat with the same key
 * and the same body gets the first response byte for byte (also while the first is still
 * running: it waits for it); the same key with a different body is refused with 422. Server
 * faults (5xx) are not remembered, so they can be retried.
 */
export const idempotent = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return next();
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError(422, "VALIDATION_ERROR", "Validation failed", {
      fields: { "header.idempotency-key": ["1 to 255 printable ASCII characters"] },
    });
  }
  const scope = tenantScope(c);
  const operation = `${c.req.method} ${c.req.path}`;
  const requestHash = await sha256Hex(`${operation}\n${await c.req.text()}`);
  const db = scope.db;
  const now = Date.now();

  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      companyId: scope.companyId,
      scope: operation,
      key,
      requestHash,
      expiresAt: new Date(now + RETENTION_MS),
    })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  const where = and(
    eq(idempotencyKeys.companyId, scope.companyId),
    eq(idempotencyKeys.scope, operation),
    eq(idempotencyKeys.key, key),
  );

  if (inserted.length === 0) {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const [first] = await db.select().from(idempotencyKeys).where(where).limit(1);
      if (!first) break; // the first attempt failed with a server fault and was forgotten: run again
      if (first.requestHash !== requestHash) {
        throw new ApiError(
          422,
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was used with a different request",
        );
      }
      if (first.responseStatus !== null && first.responseBody !== null) {
        return new Response(first.responseBody, {
          status: first.responseStatus,
          headers: { "Content-Type": "application/json", "Idempotent-Replayed": "true" },
        });
      }
      if (Date.now() > deadline) {
        throw new ApiError(
          409,
          "IDEMPOTENCY_IN_PROGRESS",
          "The first request with this key is still running",
          undefined,
          {
            "Retry-After": "1",
          },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return idempotentRetry(c, next, operation, key, requestHash);
  }

  await next();
  await remember(c, where);
});

async function remember(c: Context<AppEnv>, where: ReturnType<typeof and>) {
  const db = c.get("db");
  if (c.res.status >= 500) {
    await db.delete(idempotencyKeys).where(where);
    return;
  }
  const body = await c.res.clone().text();
  await db.update(idempotencyKeys).set({ responseStatus: c.res.status, responseBody: body }).where(where);
}

async function idempotentRetry(
  c: Context<AppEnv>,
  next: Next,
  operation: string,
  key: string,
  requestHash: string,
) {
  const scope = tenantScope(c);
  const where = and(
    eq(idempotencyKeys.companyId, scope.companyId),
    eq(idempotencyKeys.scope, operation),
    eq(idempotencyKeys.key, key),
  );
  const claimed = await scope.db
    .insert(idempotencyKeys)
    .values({
      companyId: scope.companyId,
      scope: operation,
      key,
      requestHash,
      expiresAt: new Date(Date.now() + RETENTION_MS),
    })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  if (claimed.length === 0) {
    throw new ApiError(409, "IDEMPOTENCY_IN_PROGRESS", "A request with this key is running", undefined, {
      "Retry-After": "1",
    });
  }
  await next();
  await remember(c, where);
}
