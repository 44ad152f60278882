import createClient from "openapi-fetch";
import { createRefreshMiddleware } from "./refresh-middleware";
import type { paths } from "./schema";

/** Same origin by default; VITE_API_BASE_URL when the admin is served from another origin of the same site. */
const baseUrl = import.meta.env.VITE_API_BASE_URL ?? "";

/** The typed API client (types generated from openapi.json); cookies travel with every call. */
export const api = createClient<paths>({ baseUrl, credentials: "include" });

const expiredListeners = new Set<() => void>();

/** Registers what happens when the session can no longer be refreshed; returns the unsubscribe. */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

let refreshing: Promise<boolean> | null = null;

/** POST /api/v1/auth/refresh, once for all the calls that hit a 401 together (the refresh token rotates). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= api
    .POST("/api/v1/auth/refresh")
    .then(
      ({ response }) => response.ok,
      () => false,
    )
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

api.use(
  createRefreshMiddleware({
    refresh: refreshSession,
    onExpired: () => {
      for (const listener of expiredListeners) listener();
    },
  }),
);
