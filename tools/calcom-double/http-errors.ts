/**
 * Errors the way Cal.com's NestJS filters render them (calcom.md §2): HttpExceptions carry their
 * class name as `error.code`.
 */
export class CalHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "CalHttpError";
  }
}

export const badRequest = (message: string) => new CalHttpError(400, "BadRequestException", message);
export const unauthorized = (message: string) => new CalHttpError(401, "UnauthorizedException", message);
export const forbidden = (message: string) => new CalHttpError(403, "ForbiddenException", message);
export const notFound = (message: string) => new CalHttpError(404, "NotFoundException", message);
export const unprocessable = (message: string) =>
  new CalHttpError(422, "UnprocessableEntityException", message);

/** The catch-all (SentryFilter) body. */
export const INTERNAL_ERROR = { code: "INTERNAL_SERVER_ERROR", message: "Internal server error." } as const;

export const THROTTLED_MESSAGE = "CustomThrottlerGuard - Too many requests. Please try again later.";
export const INVALID_API_KEY_MESSAGE = "CustomThrottlerGuard - Invalid API Key";
export const NO_AUTH_MESSAGE =
  "ApiAuthStrategy - No authentication method provided. Either pass an API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers";
/** The access-token constant's exact text was not read [U]. */
export const INVALID_ACCESS_TOKEN_MESSAGE = "ApiAuthStrategy - access token - Invalid Access Token.";

export interface CalErrorBody {
  status: "error";
  timestamp: string;
  path: string;
  error: { code: string; message: string };
}

/** `error.details` is left out, as in production (NODE_ENV=production). */
export function errorBody(code: string, message: string, path: string, nowMs: number): CalErrorBody {
  return { status: "error", timestamp: new Date(nowMs).toISOString(), path, error: { code, message } };
}
