import { parseRetryAfter, readApiError, readFieldErrors } from "./errors";

export type LoginField = "email" | "password";

/** Why a login did not work, in the terms the login screen explains. */
export type LoginFailure =
  | { kind: "invalid_credentials" }
  | { kind: "rate_limited"; retryAfterSeconds: number | null }
  | { kind: "validation"; fields: readonly LoginField[] }
  | { kind: "network" }
  | { kind: "unexpected"; code: string };

const LOGIN_FIELDS: readonly LoginField[] = ["email", "password"];

/** Reads a failed POST /api/v1/auth/login: its status, error envelope and Retry-After header. */
export function classifyLoginFailure(status: number, body: unknown, retryAfter: string | null): LoginFailure {
  const error = readApiError(body);
  if (status === 429 || error?.code === "RATE_LIMITED") {
    return { kind: "rate_limited", retryAfterSeconds: parseRetryAfter(retryAfter) };
  }
  if (status === 401 || error?.code === "INVALID_CREDENTIALS") return { kind: "invalid_credentials" };
  if (status === 422 || error?.code === "VALIDATION_ERROR") {
    const paths = Object.keys(readFieldErrors(error?.details));
    const fields = LOGIN_FIELDS.filter((field) => paths.some((path) => path.split(".").includes(field)));
    return { kind: "validation", fields };
  }
  return { kind: "unexpected", code: error?.code ?? `HTTP ${status}` };
}
