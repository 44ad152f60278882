import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/**
 * The rows of `query` as one JSON text column (an array of arrays of the named result columns),
 * so several lookups fit one D1 statement: local D1 charges several milliseconds per statement.
 * `columns` are the query's result column names (SQLite names a selected column after the column,
 * without its table). The rows keep the query's order (SQLite aggregates an ordered subquery in
 * that order).
 */
export function jsonRows(query: SQLWrapper, columns: readonly string[]): SQL<string | null> {
  const list = sql.raw(columns.map((c) => `"${c}"`).join(", "));
  return sql<string | null>`(SELECT json_group_array(json_array(${list})) FROM (${query}))`;
}

/** Parses a jsonRows column. */
export function parseRows<T>(text: string | null | undefined, row: (values: unknown[]) => T): T[] {
  return text ? (JSON.parse(text) as unknown[][]).map(row) : [];
}

/** An epoch-ms column of a JSON row as a Date. */
export const dateOf = (value: unknown): Date | null => (value === null ? null : new Date(value as number));
