import type { z } from "@hono/zod-openapi";
import { ApiError } from "./errors";

/** Groups zod issues by field path ("body.phone", "query.limit") into per-field messages. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix?: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (path: readonly PropertyKey[], message: string) => {
    const key = [prefix, ...path.map(String)].filter(Boolean).join(".") || "_";
    fields[key] = [...(fields[key] ?? []), message];
  };
  for (const issue of issues) {
    // A field the schema does not know is reported under its own name.
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key], "Unknown field");
    } else {
      add(issue.path, issue.message);
    }
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
