import type { OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { companies, roles, userSessions, users } from "../../../../drizzle/schema";
import { clearSessionCookies, readRefreshCookie, setSessionCookies } from "../../auth/cookies";
import type { Db } from "../../db/client";
import type { AppEnv } from "../../http/app-env";
import { ApiError, unauthenticated } from "../../http/errors";
import { clientAddress, consumeRateLimit, rateLimitedError } from "../../middleware/rate-limit";
import { checkCredentials, type LoginUser } from "../../services/auth/login";
import { refreshSession, revokeSession, startSession } from "../../services/auth/sessions";
import { loginRoute, logoutRoute, meRoute, refreshRoute } from "./auth.routes";

/** Login attempts allowed per 15 minutes: per email (guessing one account) and per address. */
const LOGIN_PER_EMAIL = { name: "login:email", limit: 10, windowSeconds: 900 };
const LOGIN_PER_ADDRESS = { name: "login:ip", limit: 30, windowSeconds: 900 };

const toSessionUser = (u: LoginUser) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  company_id: u.companyId,
  locale: u.locale,
});

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    for (const [rule, key] of [
      [LOGIN_PER_ADDRESS, `ip:${clientAddress(c)}`],
      [LOGIN_PER_EMAIL, `email:${email.trim().toLowerCase()}`],
    ] as const) {
      const decision = await consumeRateLimit(c, rule, key);
      if (!decision.allowed) throw rateLimitedError(decision);
    }
    const db = c.get("db");
    const user = await checkCredentials(db, email, password);
    if (!user) throw new ApiError(401, "INVALID_CREDENTIALS", "Email or password is wrong");
    const session = await startSession(db, c.env, user.id, {
      ip: clientAddress(c),
      userAgent: c.req.header("user-agent"),
    });
    setSessionCookies(c, session);
    return c.json(
      {
        success: true as const,
        data: { user: toSessionUser(user), expires_at: session.accessExpiresAt.toISOString() },
      },
      200,
    );
  });

  app.openapi(refreshRoute, async (c) => {
    const refresh = readRefreshCookie(c);
    const db = c.get("db");
    const session = refresh ? await refreshSession(db, c.env, refresh) : null;
    if (!session) {
      clearSessionCookies(c);
      throw unauthenticated("Session expired, please log in again");
    }
    const user = await loadSessionUser(db, session.sessionId);
    setSessionCookies(c, session);
    return c.json(
      { success: true as const, data: { user, expires_at: session.accessExpiresAt.toISOString() } },
      200,
    );
  });

  app.openapi(logoutRoute, async (c) => {
    const principal = c.get("principal");
    if (principal.sessionId) await revokeSession(c.get("db"), principal.sessionId);
    clearSessionCookies(c);
    return c.json({ success: true as const }, 200);
  });

  app.openapi(meRoute, async (c) => {
    const principal = c.get("principal");
    const db = c.get("db");
    const user =
      principal.kind === "user"
        ? ((await db.query.users.findFirst({ where: eq(users.id, principal.id) })) ?? null)
        : null;
    const company =
      principal.companyId === null
        ? null
        : ((await db.query.companies.findFirst({ where: eq(companies.id, principal.companyId) })) ?? null);
    return c.json(
      {
        success: true as const,
        data: {
          principal: principal.kind,
          user: user ? toSessionUser({ ...user, role: principal.role, companyId: user.companyId }) : null,
          company: company
            ? { id: company.id, name: company.name, timezone: company.timezone, locale: company.locale }
            : null,
          permissions: [...principal.permissions].sort(),
        },
      },
      200,
    );
  });
}

async function loadSessionUser(db: Db, sessionId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: roles.name,
      companyId: users.companyId,
      locale: users.locale,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(eq(userSessions.id, sessionId))
    .limit(1);
  if (!row) throw unauthenticated("Session expired, please log in again");
  return toSessionUser(row);
}
