import { getTableColumns, is, SQL } from "drizzle-orm";
import { SQLiteAsyncDialect, type SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

/** A drizzle query builder or a raw SQL fragment: anything that can become one statement. */
export type BatchStatement = { toSQL(): { sql: string; params: unknown[] } } | SQL;

const dialect = new SQLiteAsyncDialect();

/**
 * Runs statements as one D1 batch (one transaction: all or nothing). drizzle's own batch cannot
 * carry raw SQL with parameters (INSERT … SELECT … FROM json_each, guarded by EXISTS), which the
 * booking writes need, so this builds the D1 statements itself; parameters are already mapped to
 * driver values (Dates to epoch ms, booleans to 0/1) by drizzle.
 */
export function runBatch(db: Db, statements: BatchStatement[]): Promise<D1Result[]> {
  const d1 = db.$client;
  return d1.batch(
    statements.map((statement) => {
      const query = is(statement, SQL) ? dialect.sqlToQuery(statement) : statement.toSQL();
      return d1.prepare(query.sql).bind(...query.params);
    }),
  );
}

/** Rows changed by one statement of a batch. */
export const changesOf = (result: D1Result | undefined) => result?.meta.changes ?? 0;

/**
 * A row a batch statement returned (`RETURNING *`, keyed by column name, driver values) as drizzle
 * would map it for `table`: property names, Dates, booleans and JSON decoded.
 */
export function rowOf<T extends SQLiteTable>(table: T, raw: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}
