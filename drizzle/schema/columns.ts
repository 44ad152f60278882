import { type SQL, sql } from "drizzle-orm";
import { type AnySQLiteColumn, check, integer, text } from "drizzle-orm/sqlite-core";

/** A free-form JSON object (settings, metadata) whose keys the code does not constrain. */
export type JsonObject = Record<string, unknown>;

/** SQL expression for "now" as UTC epoch milliseconds. */
export const nowMs = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** A UTC instant stored as epoch milliseconds. */
export const instant = (name: string) => integer(name, { mode: "timestamp_ms" });
export const createdAt = () => instant("created_at").notNull().default(nowMs);
export const updatedAt = () =>
  instant("updated_at")
    .notNull()
    .default(nowMs)
    .$onUpdateFn(() => new Date());
/** Soft delete marker: rows with a value are hidden from normal queries and purged by the retention job. */
export const deletedAt = () => instant("deleted_at");

/** A boolean stored as 0/1, never null. */
export const flag = (name: string, defaultValue: boolean) =>
  integer(name, { mode: "boolean" }).notNull().default(defaultValue);
/** A JSON document stored as text. */
export const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();
/** Integer cents, never null, default 0. */
export const cents = (name: string) => integer(name).notNull().default(0);
/** A non-negative counter, default 0. */
export const counter = (name: string) => integer(name).notNull().default(0);
/** ISO 4217 code, default EUR. */
export const currency = (name = "currency") => text(name).notNull().default("EUR");

/** The bare, unqualified column name: table-qualified names break when drizzle-kit rebuilds a SQLite table. */
export const ref = (column: AnySQLiteColumn): SQL => sql`${sql.identifier(column.name)}`;

const ENUM_VALUE = /^[a-z0-9_]+$/;

/** CHECK (column IN (...)) for an enum value list. NULL passes, so nullable enum columns stay nullable. */
export function checkIn(name: string, column: AnySQLiteColumn, values: readonly string[]) {
  for (const value of values) {
    if (!ENUM_VALUE.test(value))
      throw new Error(`checkIn(${name}): unsafe enum value ${JSON.stringify(value)}`);
  }
  const list = values.map((value) => `'${value}'`).join(", ");
  return check(name, sql`${ref(column)} in (${sql.raw(list)})`);
}

/** Local calendar date 'YYYY-MM-DD'. */
export const checkLocalDate = (name: string, column: AnySQLiteColumn) =>
  check(name, sql`${ref(column)} glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`);

/** Local time of day 'HH:MM' from 00:00 to 24:00 (24:00 = end of day). */
export const checkLocalTime = (name: string, column: AnySQLiteColumn) =>
  check(name, sql`${ref(column)} glob '[0-2][0-9]:[0-5][0-9]' and ${ref(column)} <= '24:00'`);

/** ISO 4217 code in upper case. */
export const checkCurrency = (name: string, column: AnySQLiteColumn) =>
  check(name, sql`${ref(column)} glob '[A-Z][A-Z][A-Z]'`);

/** ISO 3166 alpha-2 code in upper case. */
export const checkCountry = (name: string, column: AnySQLiteColumn) =>
  check(name, sql`${ref(column)} glob '[A-Z][A-Z]'`);

/** E.164: '+', a non-zero digit, 7 to 15 digits in all. */
export const checkE164 = (name: string, column: AnySQLiteColumn) =>
  check(
    name,
    sql`${ref(column)} glob '+[1-9]*' and length(${ref(column)}) between 8 and 16 and substr(${ref(column)}, 2) not glob '*[^0-9]*'`,
  );

/** Every listed column is >= 0 (NULL passes). */
export function checkNonNegative(name: string, ...columns: [AnySQLiteColumn, ...AnySQLiteColumn[]]) {
  return check(
    name,
    sql.join(
      columns.map((column) => sql`${ref(column)} >= 0`),
      sql` and `,
    ),
  );
}

/** Basis points between 0 and 10000 (0–100 %). */
export const checkBasisPoints = (name: string, column: AnySQLiteColumn) =>
  check(name, sql`${ref(column)} between 0 and 10000`);

/** Stored lower-case so equality lookups need no function index. */
export const checkLowercase = (name: string, column: AnySQLiteColumn) =>
  check(name, sql`${ref(column)} = lower(${ref(column)})`);

/** A value that must be an integer, not a real (SQLite columns accept either). */
export const checkInteger = (name: string, column: AnySQLiteColumn) =>
  check(name, sql`typeof(${ref(column)}) = 'integer'`);
