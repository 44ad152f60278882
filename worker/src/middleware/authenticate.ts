import { and, eq, gt, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { apiKeys, companies, roles, userSessions, users } from "../../../drizzle/schema";
import { cachedApiKey, rememberApiKey, type VerifiedApiKey } from "../auth/api-key-cache";
import { apiKeyRateLimitKey, parseApiKey } from "../auth/api-key-format";
import { readSessionCookie } from "../auth/cookies";
import { sha256Hex, timingSafeEqual } from "../auth/crypto-helpers";
import type { Principal } from "../auth/principal";
import { loadRolePermissions } from "../auth/role-permissions";
import { isRoleName } from "../auth/roles";
import { verifySessionToken } from "../auth/session-token";
import type { AppEnv } from "../http/app-env";
import { unauthenticated } from "../http/errors";
import { timed } from "../http/server-timing";

/**
 * last_used_at is written at most this often per key, to keep writes off the hot path (a cached
 * key is looked up again, and its use recorded, once its cache entry is older than a minute).
 */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves the caller from a partner API key (`Authorization: Bearer tek_…` or `X-API-Key`) or
 * an admin session cookie, and refuses the request with 401 otherwise.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const principal = await timed(
    c,
    "auth",
    principalFromApiKey(c).then((p) => p ?? principalFromSession(c)),
  );
  if (!principal) throw unauthenticated();
  c.set("principal", principal);
  await next();
});

function presentedApiKey(c: Context<AppEnv>): string | undefined {
  const header = c.req.header("x-api-key");
  if (header) return header.trim();
  const authorization = c.req.header("authorization");
  if (authorization?.startsWith("Bearer ")) return authorization.slice(7).trim();
  return undefined;
}

async function principalFromApiKey(c: Context<AppEnv>): Promise<Principal | null> {
  const key = presentedApiKey(c);
  if (!key) return null;
  const parsed = parseApiKey(key);
  if (!parsed) throw unauthenticated("Invalid API key");
  const db = c.get("db");
  const now = Date.now();
  const keyHash = await sha256Hex(key);
  const verified = cachedApiKey(keyHash, now) ?? (await verifyApiKey(c, parsed.prefix, keyHash, now));
  if (!verified || !isRoleName(verified.roleName)) throw unauthenticated("Invalid API key");
  return {
    kind: "api_key",
    id: verified.id,
    tenantId: verified.tenantId,
    companyId: verified.companyId,
    role: verified.roleName,
    permissions: await loadRolePermissions(db, verified.roleId),
    isSuperAdmin: false,
    // The rate limiter of this key is also where its revocation is checked (see api-key-cache.ts).
    rateLimitKey: apiKeyRateLimitKey(verified.id),
  };
}

/** Finds the key in D1 (active, unexpired, its company active) and remembers it for the isolate. */
async function verifyApiKey(
  c: Context<AppEnv>,
  prefix: string,
  keyHash: string,
  now: number,
): Promise<VerifiedApiKey | null> {
  const db = c.get("db");
  const [row] = await db
    .select({
      id: apiKeys.id,
      keyHash: apiKeys.keyHash,
      companyId: apiKeys.companyId,
      roleId: apiKeys.roleId,
      roleName: roles.name,
      lastUsedAt: apiKeys.lastUsedAt,
      expiresAt: apiKeys.expiresAt,
      tenantId: companies.tenantId,
    })
    .from(apiKeys)
    .innerJoin(roles, eq(roles.id, apiKeys.roleId))
    .innerJoin(companies, eq(companies.id, apiKeys.companyId))
    .where(
      and(
        eq(apiKeys.prefix, prefix),
        isNull(apiKeys.revokedAt),
        gt(apiKeys.expiresAt, new Date(now)),
        eq(companies.isActive, true),
        isNull(companies.deletedAt),
      ),
    )
    .limit(1);
  if (!row || !timingSafeEqual(keyHash, row.keyHash)) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    c.executionCtx.waitUntil(
      db
        .update(apiKeys)
        .set({ lastUsedAt: new Date(now) })
        .where(eq(apiKeys.id, row.id))
        .then(() => undefined),
    );
  }
  const verified: VerifiedApiKey = {
    id: row.id,
    companyId: row.companyId,
    tenantId: row.tenantId,
    roleId: row.roleId,
    roleName: row.roleName,
    expiresAt: row.expiresAt.getTime(),
  };
  rememberApiKey(keyHash, verified, now);
  return verified;
}

async function principalFromSession(c: Context<AppEnv>): Promise<Principal | null> {
  const token = readSessionCookie(c);
  if (!token) return null;
  const claims = await verifySessionToken(token, c.env.SESSION_SECRET);
  if (!claims) return null;
  const userId = Number(claims.sub);
  const db = c.get("db");
  const [row] = await db
    .select({
      roleId: users.roleId,
      roleName: roles.name,
      tenantId: users.tenantId,
      companyId: users.companyId,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(
      and(
        eq(userSessions.id, claims.sid),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, new Date()),
        eq(users.isActive, true),
        isNull(users.deletedAt),
      ),
    )
    .limit(1);
  if (!row || !isRoleName(row.roleName)) return null;
  return {
    kind: "user",
    id: userId,
    tenantId: row.tenantId,
    companyId: row.companyId,
    role: row.roleName,
    permissions: await loadRolePermissions(db, row.roleId),
    isSuperAdmin: row.roleName === "super_admin",
    sessionId: claims.sid,
    rateLimitKey: `user:${userId}`,
  };
}
