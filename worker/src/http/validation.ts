import type { z } from "@hono/zod-openapi";
import { ApiError } from "./errors";

/** Groups zod issues by field path ("body.phone", "query.limit") into per-field messages. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix?: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    const key = [prefix, path].filter(Boolean).join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/**
 * The default hook of every OpenAPI route: a request that fails its schema becomes a 422
 * VALIDATION_ERROR naming each wrong field, before the handler runs (so nothing changes).
 */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
): void {
  if (result.success) return;
  throw new ApiError(422, "VALIDATION_ERROR", "Validation failed", {
    fields: fieldErrors(result.error.issues, result.target === "json" ? "body" : result.target),
  });
}
