import type { z } from "@hono/zod-openapi";

/** snake_case API field → camelCase column key. */
export const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

/**
 * Builds the API object for `row` from exactly the fields the response schema documents, so
 * internal columns (hashes, encrypted secrets, search text) never leak and the OpenAPI document
 * matches what is sent. Dates become ISO strings.
 */
export function toApiObject<S extends z.ZodObject>(row: Record<string, unknown>, entity: S): z.output<S> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(entity.shape)) {
    const value = row[camel(key)];
    out[key] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return out as z.output<S>;
}

/** Turns a validated snake_case body into column values (camelCase keys), ISO instants into Dates. */
export function toRowValues(
  input: Record<string, unknown>,
  instantFields: ReadonlySet<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    out[camel(key)] = instantFields.has(key) && typeof value === "string" ? new Date(value) : value;
  }
  return out;
}
