import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/** The access token lives in a short-lived cookie; the refresh token only travels to /api/v1/auth. */
export const SESSION_COOKIE = "te_session";
export const REFRESH_COOKIE = "te_refresh";
const REFRESH_PATH = "/api/v1/auth";

export function setSessionCookies(
  c: Context,
  tokens: { access: string; refresh: string; accessTtl: number; refreshTtl: number },
): void {
  const base = { httpOnly: true, secure: true, sameSite: "Strict" as const };
  setCookie(c, SESSION_COOKIE, tokens.access, { ...base, path: "/", maxAge: tokens.accessTtl });
  setCookie(c, REFRESH_COOKIE, tokens.refresh, { ...base, path: REFRESH_PATH, maxAge: tokens.refreshTtl });
}

export function clearSessionCookies(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
  deleteCookie(c, REFRESH_COOKIE, { path: REFRESH_PATH, secure: true });
}

export const readSessionCookie = (c: Context) => getCookie(c, SESSION_COOKIE);
export const readRefreshCookie = (c: Context) => getCookie(c, REFRESH_COOKIE);
