import { createRoot, createSignal } from "solid-js";
import { fetchMe, login, logout } from "../api/auth";
import { onSessionExpired, refreshSession } from "../api/client";
import type { LoginFailure } from "../api/login-failure";
import { queryClient } from "../api/query-client";
import type { Me } from "../api/types";
import { setUserLocale } from "../i18n/i18n";

/** Why the login screen is shown, when there is something to say about it. */
export type LoginNotice = "expired" | "logged_out" | null;

export type Session =
  | { status: "checking" }
  | { status: "anonymous"; notice: LoginNotice }
  | { status: "authenticated"; me: Me };

const store = createRoot(() => {
  const [session, setSession] = createSignal<Session>({ status: "checking" });
  return { session, setSession };
});

/** Where the app is: still checking the cookies, at the login screen, or signed in. */
export const session = store.session;

function enter(me: Me): void {
  setUserLocale(me.user?.locale ?? me.company?.locale ?? null);
  store.setSession({ status: "authenticated", me });
}

function leave(notice: LoginNotice): void {
  queryClient.clear();
  setUserLocale(null);
  store.setSession({ status: "anonymous", notice });
}

/** At start: a session cookie, or else a refresh cookie, still valid means no login is needed. */
export async function startSession(): Promise<void> {
  try {
    let me = await fetchMe();
    if (!me && (await refreshSession())) me = await fetchMe();
    if (me) enter(me);
    else leave(null);
  } catch {
    leave(null);
  }
}

/** Logs in and loads who the user is; the failure to show otherwise. */
export async function signIn(email: string, password: string): Promise<LoginFailure | null> {
  const result = await login(email, password);
  if (!result.ok) return result.failure;
  try {
    const me = await fetchMe();
    if (!me) return { kind: "unexpected", code: "HTTP 401" };
    enter(me);
    return null;
  } catch {
    return { kind: "network" };
  }
}

export async function signOut(): Promise<void> {
  await logout();
  leave("logged_out");
}

// A 401 the refresh could not cure, from any call: back to the login screen.
onSessionExpired(() => {
  if (store.session().status === "authenticated") leave("expired");
});
