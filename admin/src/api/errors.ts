/** The error envelope every API error uses: {success:false, error:{code, message, details?}}. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The `error` of an error envelope, or null if `body` is not one. */
export function readApiError(body: unknown): ApiErrorBody | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const { code, message, details } = body.error;
  if (typeof code !== "string") return null;
  return { code, message: typeof message === "string" ? message : "", details };
}

/** details.fields of a VALIDATION_ERROR: field path ("body.email") to its messages. */
export function readFieldErrors(details: unknown): Record<string, readonly string[]> {
  if (!isRecord(details) || !isRecord(details.fields)) return {};
  const fields: Record<string, readonly string[]> = {};
  for (const [path, messages] of Object.entries(details.fields)) {
    fields[path] = Array.isArray(messages) ? messages.filter((m): m is string => typeof m === "string") : [];
  }
  return fields;
}

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); null if absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** A failed API call, for queries to reject with. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;

  constructor(status: number, body: ApiErrorBody | null) {
    super(body ? `${body.code}: ${body.message}` : `HTTP ${status}`);
    this.name = "ApiRequestError";
    this.status = status;
    this.body = body;
  }
}
