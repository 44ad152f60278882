import { and, eq, gt, isNull } from "drizzle-orm";
import { userSessions, users } from "../../../../drizzle/schema";
import { randomBytes, sha256Hex, toBase64Url } from "../../auth/crypto-helpers";
import { signSessionToken } from "../../auth/session-token";
import type { Db } from "../../db/client";
import type { Env } from "../../env";

export interface IssuedSession {
  sessionId: string;
  access: string;
  refresh: string;
  accessTtl: number;
  refreshTtl: number;
  accessExpiresAt: Date;
}

const ttl = (env: Env) => ({
  access: Number(env.SESSION_TTL_SECONDS) || 900,
  refresh: Number(env.REFRESH_TTL_SECONDS) || 1_209_600,
});

/** Starts a session: a user_sessions row holding the refresh token's hash, and a signed access token. */
export async function startSession(
  db: Db,
  env: Env,
  userId: number,
  client: { ip: string; userAgent: string | undefined },
): Promise<IssuedSession> {
  const lifetimes = ttl(env);
  const sessionId = crypto.randomUUID();
  const refresh = toBase64Url(randomBytes(32));
  const now = Date.now();
  await db.batch([
    db.insert(userSessions).values({
      id: sessionId,
      userId,
      refreshHash: await sha256Hex(refresh),
      expiresAt: new Date(now + lifetimes.refresh * 1000),
      lastUsedAt: new Date(now),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 255) ?? null,
    }),
    db
      .update(users)
      .set({ lastLoginAt: new Date(now) })
      .where(eq(users.id, userId)),
  ]);
  return issue(env, userId, sessionId, refresh);
}

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation): the old
 * refresh token stops working at once. Returns null for unknown, revoked or expired tokens.
 */
export async function refreshSession(db: Db, env: Env, refresh: string): Promise<IssuedSession | null> {
  const hash = await sha256Hex(refresh);
  const [session] = await db
    .select({ id: userSessions.id, userId: userSessions.userId })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.refreshHash, hash),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, new Date()),
        eq(users.isActive, true),
        isNull(users.deletedAt),
      ),
    )
    .limit(1);
  if (!session) return null;
  const next = toBase64Url(randomBytes(32));
  const updated = await db
    .update(userSessions)
    .set({ refreshHash: await sha256Hex(next), lastUsedAt: new Date() })
    .where(and(eq(userSessions.id, session.id), eq(userSessions.refreshHash, hash)))
    .returning({ id: userSessions.id });
  // A concurrent refresh with the same token already rotated it: only one of them wins.
  if (updated.length === 0) return null;
  return issue(env, session.userId, session.id, next);
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(userSessions).set({ revokedAt: new Date() }).where(eq(userSessions.id, sessionId));
}

/** Ends every open session of a user (password change, deactivation). */
export async function revokeAllSessions(db: Db, userId: number): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

async function issue(env: Env, userId: number, sessionId: string, refresh: string): Promise<IssuedSession> {
  const lifetimes = ttl(env);
  const access = await signSessionToken(
    { sub: String(userId), sid: sessionId },
    env.SESSION_SECRET,
    lifetimes.access,
  );
  return {
    sessionId,
    access,
    refresh,
    accessTtl: lifetimes.access,
    refreshTtl: lifetimes.refresh,
    accessExpiresAt: new Date(Date.now() + lifetimes.access * 1000),
  };
}
