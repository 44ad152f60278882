import { and, eq, isNull, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

/** A table owned by one company: every row carries company_id. */
export type TenantTable = SQLiteTable & { id: SQLiteColumn; companyId: SQLiteColumn };

/**
 * The only way handlers reach tenant-owned rows: every condition built here starts with
 * `company_id = <the caller's company>`, so a handler cannot forget it. A super admin gets a
 * scope for another company only by naming it explicitly (X-Company-Id).
 */
export class TenantScope {
  constructor(
    readonly db: Db,
    private readonly company: number | Placeholder<"companyId">,
  ) {}

  /**
   * A scope for a statement built once and run for any company (see db/prepared.ts): its
   * conditions read the company from the placeholder `companyId`.
   */
  static template(db: Db): TenantScope {
    return new TenantScope(db, sql.placeholder("companyId"));
  }

  /** The company's id. A template scope has none, and asking it is a bug that fails at once. */
  get companyId(): number {
    if (typeof this.company !== "number") throw new Error("A template scope names no company");
    return this.company;
  }

  /** The company as a statement value: its id, or in a template the placeholder `companyId`. */
  get companyRef(): number | Placeholder<"companyId"> {
    return this.company;
  }

  /** Rows of this company, not soft-deleted (when the table has deleted_at), matching `conditions`. */
  where(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    const deletedAt = (table as unknown as { deletedAt?: SQLiteColumn }).deletedAt;
    return and(eq(table.companyId, this.company), deletedAt ? isNull(deletedAt) : undefined, ...conditions)!;
  }

  /** The same as `where`, for one row by id. */
  byId(table: TenantTable, id: number): SQL {
    return this.where(table, eq(table.id, id));
  }
}
