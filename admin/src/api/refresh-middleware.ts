import type { Middleware } from "openapi-fetch";

export interface RefreshMiddlewareOptions {
  /** Asks the API for a new session (POST /api/v1/auth/refresh); true if it gave one. */
  refresh: () => Promise<boolean>;
  /** The session is over: the app returns to the login screen. */
  onExpired: () => void;
  /** For the retry; the global fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
}

/** The auth endpoints answer 401 for their own reasons (wrong password, refresh ended): never retried. */
function isAuthEndpoint(url: string): boolean {
  return new URL(url, "http://admin.invalid").pathname.includes("/api/v1/auth/");
}

/**
 * On a 401 from anything but /auth/*: refresh the session once, then repeat the request once.
 * If the refresh fails, or the repeat is refused again, the session has ended.
 */
export function createRefreshMiddleware(options: RefreshMiddlewareOptions): Middleware {
  // Copies of the requests in flight, by openapi-fetch's request id: a sent body cannot be re-read.
  const copies = new Map<string, Request>();
  const send = options.fetch ?? ((request: Request) => fetch(request));

  return {
    onRequest({ request, id }) {
      if (!isAuthEndpoint(request.url)) copies.set(id, request.clone());
    },
    async onResponse({ response, id }) {
      const copy = copies.get(id);
      copies.delete(id);
      if (response.status !== 401 || !copy) return undefined;
      if (!(await options.refresh())) {
        options.onExpired();
        return undefined;
      }
      const retried = await send(copy);
      if (retried.status === 401) options.onExpired();
      return retried;
    },
    onError({ id }) {
      copies.delete(id);
    },
  };
}
