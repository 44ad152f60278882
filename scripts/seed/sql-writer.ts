/**
 * Writes idempotent seed SQL for `wrangler d1 execute --file`: every row goes through
 * `INSERT OR IGNORE` with an explicit id, in multi-row statements small enough for D1
 * (at most MAX_ROWS rows and well under the 100 KB statement limit).
 */

/** A literal SQL expression, written as is (e.g. a sub-select for a role id). */
export interface RawSql {
  readonly raw: string;
}

export type SqlValue = string | number | boolean | null | RawSql;
export type SqlRow = Record<string, SqlValue>;

const MAX_ROWS = 100;
const MAX_STATEMENT_BYTES = 90_000;

export const rawSql = (raw: string): RawSql => ({ raw });

/** A JSON column's value: the JSON text, or NULL. */
export const jsonText = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

export function sqlLiteral(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to SQL`);
    return String(value);
  }
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  return value.raw;
}

export class SqlWriter {
  private readonly parts: string[] = [];
  private readonly counts = new Map<string, number>();
  private statementCount = 0;

  comment(text: string): void {
    this.parts.push(`\n-- ${text.replace(/\n/g, " ")}`);
  }

  /** A hand-written statement (terminated by the writer). */
  statement(sql: string): void {
    this.parts.push(`${sql.trim().replace(/;$/, "")};`);
    this.statementCount++;
  }

  /** INSERT OR IGNORE of `rows` into `table`; every row must have the same columns, in the same order. */
  insert(table: string, rows: readonly SqlRow[]): void {
    const first = rows[0];
    if (!first) return;
    const columns = Object.keys(first);
    const head = `INSERT OR IGNORE INTO ${table} (${columns.join(", ")}) VALUES\n`;
    let batch: string[] = [];
    let bytes = head.length;
    const flush = () => {
      if (batch.length === 0) return;
      this.statement(`${head}${batch.join(",\n")}`);
      batch = [];
      bytes = head.length;
    };
    for (const row of rows) {
      const keys = Object.keys(row);
      if (keys.length !== columns.length || keys.some((key, i) => key !== columns[i])) {
        throw new Error(`${table}: row columns ${keys.join(",")} differ from ${columns.join(",")}`);
      }
      const tuple = `(${columns.map((column) => sqlLiteral(row[column] ?? null)).join(", ")})`;
      const tupleBytes = Buffer.byteLength(tuple) + 2;
      if (tupleBytes + head.length > MAX_STATEMENT_BYTES) throw new Error(`${table}: a row is too large`);
      if (batch.length >= MAX_ROWS || bytes + tupleBytes > MAX_STATEMENT_BYTES) flush();
      batch.push(tuple);
      bytes += tupleBytes;
    }
    flush();
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
  }

  /** Rows written per table (in insertion order of the tables). */
  rowCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  statements(): number {
    return this.statementCount;
  }

  toString(): string {
    return `${this.parts.join("\n")}\n`;
  }
}
