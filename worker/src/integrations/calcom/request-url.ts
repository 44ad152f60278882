/** A query value as the client's callers pass it; arrays become Cal.com's comma-separated lists. */
export type QueryValue = string | number | boolean | Date | readonly (string | number)[] | null | undefined;

/** `baseUrl` + `path` + query, dropping absent values. `baseUrl` includes `/v2` (e.g. https://api.cal.com/v2). */
export function buildRequestUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}${path}`);
  for (const [name, value] of Object.entries(query ?? {})) {
    const text = queryText(value);
    if (text !== null) url.searchParams.set(name, text);
  }
  return url.toString();
}

function queryText(value: QueryValue): string | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(",");
  return String(value);
}

/** A path segment from a caller-supplied id (uids are opaque strings). */
export function pathSegment(value: string | number): string {
  return encodeURIComponent(String(value));
}
