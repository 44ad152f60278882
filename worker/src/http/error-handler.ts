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
        error:
          err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
      }),
    );
  }
  return c.json(apiError.toBody(), apiError.status, apiError.headers);
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const constraint = constraintViolation(err);
  if (constraint) return constraint;
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 400) return new ApiError(400, "MALFORMED_JSON", err.message || "Malformed request");
    if (status === 413) return new ApiError(413, "PAYLOAD_TOO_LARGE", "Request body too large");
    if (status === 401) return new ApiError(401, "UNAUTHENTICATED", err.message || "Authentication required");
    return new ApiError(
      status,
      status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST",
      err.message || "Request failed",
    );
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

/**
 * The database refuses what the request's schema could not see (a duplicate, a reference to a
 * row that is gone, a rule across fields): that is the caller's conflict, not a server fault.
 */
function constraintViolation(err: unknown): ApiError | null {
  const messages: string[] = [];
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    messages.push(e.message);
  const text = messages.join(" | ");
  const unique = /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/.exec(text);
  if (unique) {
    return new ApiError(409, "CONFLICT", "A record with these values already exists", {
      fields: unique[1]!.split(", ").map((f) => f.split(".").pop()),
    });
  }
  if (/FOREIGN KEY constraint failed/.test(text)) {
    return new ApiError(422, "VALIDATION_ERROR", "A referenced record does not exist");
  }
  const check = /CHECK constraint failed: (\w+)/.exec(text);
  if (check) return new ApiError(422, "VALIDATION_ERROR", "The values break a data rule", { rule: check[1] });
  return null;
}
