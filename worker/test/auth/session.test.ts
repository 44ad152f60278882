import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { userSessions, users } from "../../../drizzle/schema";
import { api, json } from "../helpers/api";
import { cookieHeader, createCompany, createUser, db, login, TEST_PASSWORD } from "../helpers/fixtures";

describe("admin login", () => {
  it("sets HttpOnly, Secure, SameSite=Strict session and refresh cookies and records the login", async () => {
    const company = await createCompany();
    const user = await createUser(company, "admin");
    const res = await api("/api/v1/auth/login", {
      body: { email: user.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    const body = await json<{ data: { user: { id: number; role: string; company_id: number } } }>(res);
    expect(body.data.user).toMatchObject({ id: user.id, role: "admin", company_id: company.companyId });
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("te_session="))!;
    const refresh = cookies.find((c) => c.startsWith("te_refresh="))!;
    for (const cookie of [session, refresh]) {
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/SameSite=Strict/);
    }
    expect(refresh).toMatch(/Path=\/api\/v1\/auth/);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lastLoginAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password and an unknown email alike, without a cookie", async () => {
    const user = await createUser(await createCompany(), "staff");
    for (const attempt of [
      { email: user.email, password: "falsch-falsch-falsch" },
      { email: "niemand@example.test", password: TEST_PASSWORD },
    ]) {
      const res = await api("/api/v1/auth/login", { body: attempt });
      expect(res.status).toBe(401);
      expect(await json(res)).toEqual({
        success: false,
        error: { code: "INVALID_CREDENTIALS", message: "Email or password is wrong" },
      });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it("rate-limits login attempts per email with Retry-After", async () => {
    const user = await createUser(await createCompany(), "staff");
    // Windows are aligned to the clock, so allow for a boundary passing mid-test (two windows at most).
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await api("/api/v1/auth/login", { body: { email: user.email, password: "falsch-falsch" } });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await json<{ error: { code: string } }>(res)).error.code).toBe("RATE_LIMITED");
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.length).toBeGreaterThanOrEqual(11);
  });

  it("knows the caller through /me, and logout revokes the session at once", async () => {
    const company = await createCompany("Salon Me");
    const user = await createUser(company, "receptionist");
    const cookie = await login(user.email);
    const me = await api("/api/v1/auth/me", { cookie });
    expect(me.status).toBe(200);
    const body = await json<{
      data: { user: { email: string }; company: { name: string }; permissions: string[] };
    }>(me);
    expect(body.data.user.email).toBe(user.email);
    expect(body.data.company.name).toBe("Salon Me");
    expect(body.data.permissions).toContain("create_appointments");
    expect(body.data.permissions).not.toContain("create_users");

    const out = await api("/api/v1/auth/logout", { method: "POST", cookie });
    expect(out.status).toBe(200);
    const after = await api("/api/v1/auth/me", { cookie });
    expect(after.status).toBe(401);
    const sessions = await db.select().from(userSessions).where(eq(userSessions.userId, user.id));
    expect(sessions.every((s) => s.revokedAt instanceof Date)).toBe(true);
  });

  it("rotates the refresh token: the new one works, the old one no longer does", async () => {
    const user = await createUser(await createCompany(), "manager");
    const cookie = await login(user.email);
    const first = await api("/api/v1/auth/refresh", { method: "POST", cookie });
    expect(first.status).toBe(200);
    const rotated = cookieHeader(first);
    expect(rotated).not.toBe(cookie);
    expect((await api("/api/v1/auth/refresh", { method: "POST", cookie })).status).toBe(401);
    expect((await api("/api/v1/auth/me", { cookie: rotated })).status).toBe(200);
  });

  it("refuses a deactivated user's existing session", async () => {
    const user = await createUser(await createCompany(), "admin");
    const cookie = await login(user.email);
    await db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect((await api("/api/v1/auth/me", { cookie })).status).toBe(401);
  });

  it("refuses a forged session cookie", async () => {
    const res = await api("/api/v1/auth/me", {
      cookie: "te_session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged",
    });
    expect(res.status).toBe(401);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe("UNAUTHENTICATED");
  });
});
