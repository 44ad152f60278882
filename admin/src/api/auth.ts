import { api } from "./client";
import { ApiRequestError, readApiError } from "./errors";
import { classifyLoginFailure, type LoginFailure } from "./login-failure";
import type { Me } from "./types";

export type LoginResult = { ok: true } | { ok: false; failure: LoginFailure };

/** POST /api/v1/auth/login: on success the API has set the session cookies. */
export async function login(email: string, password: string): Promise<LoginResult> {
  try {
    const { response, error } = await api.POST("/api/v1/auth/login", { body: { email, password } });
    if (response.ok) return { ok: true };
    return {
      ok: false,
      failure: classifyLoginFailure(response.status, error, response.headers.get("Retry-After")),
    };
  } catch {
    return { ok: false, failure: { kind: "network" } };
  }
}

/** GET /api/v1/auth/me: who is signed in, or null when nobody is (401). */
export async function fetchMe(): Promise<Me | null> {
  const { data, error, response } = await api.GET("/api/v1/auth/me");
  if (response.status === 401) return null;
  if (!data) throw new ApiRequestError(response.status, readApiError(error));
  const me: Me = data.data;
  return me;
}

/** POST /api/v1/auth/logout: revokes the session; a session that already ended is fine too. */
export async function logout(): Promise<void> {
  try {
    await api.POST("/api/v1/auth/logout");
  } catch {
    // Offline: the cookies expire on their own; the app forgets the session either way.
  }
}
