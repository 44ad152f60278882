import { and, eq, gte, lt, ne, sql } from "drizzle-orm";
import { calls, transactions } from "../../../../../drizzle/schema";
import type { Db } from "../../../db/client";
import { zonedInstant } from "../../../domain/zoned-time";

/** The calendar month (in the company's zone) whose included minutes a call draws on. */
export interface BillingMonth {
  from: Date;
  to: Date;
}

export function billingMonth(occurredAt: Date, timeZone: string): BillingMonth {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" })
    .format(occurredAt)
    .split("-")
    .map(Number) as [number, number];
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const first = (y: number, m: number) =>
    zonedInstant(`${y}-${String(m).padStart(2, "0")}-01`, "00:00", timeZone);
  return { from: first(year, month), to: first(next.year, next.month) };
}

/**
 * The plan's included minutes already consumed in the month by the company's other calls, as the
 * ledger records them: a call counts once its call_cost row is written (the calls row's charged
 * cents cannot tell, they default to 0), with the minutes that row took from the plan. A single
 * statement, so it can also guard the ledger write (see billCall).
 */
export function includedMinutesUsedQuery(
  db: Db,
  companyId: number,
  month: BillingMonth,
  exceptCallRowId: number,
) {
  return db
    .select({
      minutes: sql<number>`COALESCE(SUM(CAST(json_extract(${transactions.metadata}, '$.included_minutes_used') AS INTEGER)), 0)`,
    })
    .from(transactions)
    .innerJoin(calls, eq(calls.id, transactions.referenceId))
    .where(
      and(
        eq(transactions.companyId, companyId),
        eq(transactions.type, "call_cost"),
        eq(transactions.referenceType, "call"),
        ne(transactions.referenceId, exceptCallRowId),
        eq(calls.companyId, companyId),
        gte(calls.startedAt, month.from),
        lt(calls.startedAt, month.to),
      ),
    );
}
