import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-env";
import { ApiError, type ErrorBody } from "./errors";

/** Turns anything thrown into the shared envelope; only real faults become 500, and they are logged. */
export function handleError(err: unknown, c: Context<AppEnv>): Response {
  const apiError = toApiError(err);
  if (apiError.status >= 500) {
    console.error(
      JSON.stringify({
        level: "error",
        request_id: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
      }),
    );
  }
  return c.json(apiError.toBody(), apiError.status, apiError.headers);
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 400) return new ApiError(400, "MALFORMED_JSON", err.message || "Malformed request");
    if (status === 413) return new ApiError(413, "PAYLOAD_TOO_LARGE", "Request body too large");
    if (status === 401) return new ApiError(401, "UNAUTHENTICATED", err.message || "Authentication required");
    return new ApiError(status, status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST", err.message || "Request failed");
  }
  return new ApiError(500, "INTERNAL_ERROR", "An unexpected error occurred; it has been logged");
}

export function notFoundResponse(c: Context<AppEnv>): Response {
  const body: ErrorBody = {
    success: false,
    error: { code: "NOT_FOUND", message: `No route for ${c.req.method} ${c.req.path}` },
  };
  return c.json(body, 404);
}
