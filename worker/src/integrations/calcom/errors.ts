/** Error codes the client itself produces (Cal.com's own codes arrive in `CalcomError.code` verbatim). */
export const CALCOM_CLIENT_ERROR_CODES = {
  network: "NETWORK_ERROR",
  timeout: "TIMEOUT",
  aborted: "ABORTED",
  invalidRequest: "INVALID_REQUEST",
  invalidResponse: "INVALID_RESPONSE",
  rateLimitWaitTooLong: "RATE_LIMIT_WAIT_TOO_LONG",
} as const;

/**
 * The 400 messages Cal.com answers when the host is busy or outside availability (calcom.md §2).
 * Cal.com gives no distinct error code for them, so the text is the only way to tell a taken slot
 * from a malformed request.
 */
export const CALCOM_SLOT_UNAVAILABLE_MESSAGES = [
  "User either already has booking at this time or is not available",
  "One of the hosts either already has booking at this time or is not available",
] as const;

export interface CalcomErrorInit {
  /** HTTP status, or null when no response arrived (network error, timeout, invalid request). */
  status: number | null;
  code: string;
  message: string;
  retryable: boolean;
  /** How many HTTP attempts were made before giving up (0 when the request was never sent). */
  attempts: number;
  /**
   * True when an attempt of a non-idempotent call (create, reschedule, cancel …) failed in a way
   * that does not tell whether Cal.com applied it (timeout, network error, 5xx). A later "slot
   * taken" 400 may then be our own booking: reconcile through the list endpoint before giving up.
   */
  uncertainOutcome?: boolean;
  /** How long Cal.com asked us to wait (429 Retry-After or rate-limit reset), when known. */
  retryAfterMs?: number;
  requestId?: string;
  path?: string;
  details?: unknown;
}

/** Any failure of a Cal.com call: HTTP error envelopes, transport failures and shape mismatches. */
export class CalcomError extends Error {
  readonly status: number | null;
  readonly code: string;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly uncertainOutcome: boolean;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;
  readonly path: string | undefined;
  readonly details: unknown;

  constructor(init: CalcomErrorInit) {
    super(init.message);
    this.name = "CalcomError";
    this.status = init.status;
    this.code = init.code;
    this.retryable = init.retryable;
    this.attempts = init.attempts;
    this.uncertainOutcome = init.uncertainOutcome ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.requestId = init.requestId;
    this.path = init.path;
    this.details = init.details;
  }

  /** The same error with the attempt bookkeeping of the whole call filled in. */
  withAttempts(attempts: number, uncertainOutcome: boolean): CalcomError {
    return new CalcomError({
      status: this.status,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      attempts,
      uncertainOutcome: this.uncertainOutcome || uncertainOutcome,
      retryAfterMs: this.retryAfterMs,
      requestId: this.requestId,
      path: this.path,
      details: this.details,
    });
  }
}

/** Whether an HTTP status is worth another attempt: rate limiting and server-side failures only. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** A booking was refused because the host (or one of the hosts) is busy or not available then. */
export function isSlotUnavailableError(error: unknown): error is CalcomError {
  return (
    error instanceof CalcomError &&
    error.status === 400 &&
    CALCOM_SLOT_UNAVAILABLE_MESSAGES.some((message) => error.message.includes(message))
  );
}
