import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Machine-readable error codes of the shared error envelope. */
export type ErrorCode =
  | "VALIDATION_ERROR"
  | "MALFORMED_JSON"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "PAYLOAD_TOO_LARGE"
  | "UNAUTHENTICATED"
  | "INVALID_CREDENTIALS"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "CONFLICT"
  | "VERSION_CONFLICT"
  | "RATE_LIMITED"
  | "SIGNATURE_INVALID"
  | "INTERNAL_ERROR";

export interface ErrorBody {
  success: false;
  error: { code: ErrorCode | string; message: string; details?: unknown };
}

/**
 * An error meant for the API caller. Handlers throw it; the app's error handler turns it into
 * the envelope `{success:false, error:{code, message, details?}}` with the given status.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode | string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    const error: ErrorBody["error"] = { code: this.code, message: this.message };
    if (this.details !== undefined) error.details = this.details;
    return { success: false, error };
  }
}

export const notFound = (what = "Resource") => new ApiError(404, "NOT_FOUND", `${what} not found`);

export const forbidden = (message = "You are not allowed to do this") =>
  new ApiError(403, "FORBIDDEN", message);

export const unauthenticated = (message = "Authentication required") =>
  new ApiError(401, "UNAUTHENTICATED", message);

/** A 422 naming the fields that are wrong, in the same shape as schema validation errors. */
export const invalidFields = (fields: Record<string, string[]>, message = "Validation failed") =>
  new ApiError(422, "VALIDATION_ERROR", message, { fields });
