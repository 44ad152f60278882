import type { z } from "zod";
import { CALCOM_CLIENT_ERROR_CODES, CalcomError, isRetryableStatus } from "./errors";
import { throttledWaitMs } from "./rate-limit";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./schemas/envelope";

export interface CalcomResponse<T> {
  data: T;
  /** Present on list endpoints only; each resource parses its own shape. */
  pagination: unknown;
  status: number;
  requestId: string | undefined;
}

/** Unwraps `{status:"success", data}` and checks `data` against the endpoint's schema. */
export function parseSuccess<T>(
  response: Response,
  text: string,
  schema: z.ZodType<T>,
  path: string,
): CalcomResponse<T> {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  const envelope = successEnvelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) {
    throw invalidResponse(response.status, path, requestId, "Cal.com answered without a success envelope");
  }
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) {
    throw invalidResponse(
      response.status,
      path,
      requestId,
      "Cal.com's data does not match the expected shape",
      {
        issues: data.error.issues,
      },
    );
  }
  return { data: data.data, pagination: envelope.data.pagination, status: response.status, requestId };
}

/**
 * A non-2xx answer as a CalcomError. Cal.com's error envelope gives code and message; anything
 * else (an HTML page from a proxy, an empty body) keeps the HTTP status as its code.
 */
export function errorFromResponse(
  response: Response,
  text: string,
  path: string,
  nowMs: number,
): CalcomError {
  const envelope = errorEnvelopeSchema.safeParse(parseJson(text));
  const body = envelope.success ? envelope.data : undefined;
  const message =
    body?.error?.message ??
    body?.message ??
    (text.trim().slice(0, 200) || response.statusText || "Cal.com error");
  const code = body?.error?.code === undefined ? `HTTP_${response.status}` : String(body.error.code);
  const wait = response.status === 429 ? throttledWaitMs(response.headers, nowMs) : null;
  return new CalcomError({
    status: response.status,
    code,
    message,
    retryable: isRetryableStatus(response.status),
    attempts: 1,
    retryAfterMs: wait ?? undefined,
    requestId: response.headers.get("x-request-id") ?? undefined,
    path: body?.path ?? path,
    details: body?.error?.details,
  });
}

function invalidResponse(
  status: number,
  path: string,
  requestId: string | undefined,
  message: string,
  details?: unknown,
): CalcomError {
  // Retrying cannot fix a shape we do not understand; it needs a code change (or a version bump).
  return new CalcomError({
    status,
    code: CALCOM_CLIENT_ERROR_CODES.invalidResponse,
    message,
    retryable: false,
    attempts: 1,
    requestId,
    path,
    details,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
