import type { z } from "zod";
import { CALCOM_CLIENT_ERROR_CODES, CalcomError } from "./errors";

/**
 * Checks a caller's input before anything is sent: a request Cal.com would refuse with 400 is
 * reported without spending rate-limit budget, and the error says which field is wrong.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
  throw new CalcomError({
    status: null,
    code: CALCOM_CLIENT_ERROR_CODES.invalidRequest,
    message,
    retryable: false,
    attempts: 0,
    details: { issues: result.error.issues },
  });
}
