import { and, eq, getTableName, inArray, isNull, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import { type SQLiteColumn, unionAll } from "drizzle-orm/sqlite-core";
import {
  appointments,
  calendarHolds,
  dateOverrides,
  nestedBookingSlots,
  timeOff,
  workingHours,
} from "../../../../drizzle/schema";
import { GRANULE_MS } from "../../calendar/granules";
import type { TenantScope } from "../../db/tenant-scope";
import type { Interval, StaffCalendarInput } from "../../domain/availability";
import { type CalendarWindow, calendarWindow } from "./calendar-window";

/** Appointments in these states occupy their staff member's time. */
export const OCCUPYING_STATUSES = ["pending", "confirmed", "in_progress"] as const;

/**
 * Everything the availability engine needs about some staff members at one branch over
 * [from, to): weekly hours, date overrides (their own and branch-wide), and what keeps them busy
 * (appointments and composite segments, live holds, time off), each rounded to calendar granules.
 * One statement (indexed subqueries), whatever the number of staff.
 */
export async function loadStaffCalendars(
  scope: TenantScope,
  branchId: number | SQL,
  staffIds: readonly number[],
  range: { from: number; to: number },
  now: number,
  options: CalendarOptions = {},
): Promise<StaffCalendarInput[]> {
  if (staffIds.length === 0) return [];
  const queries = calendarQueries(scope, branchId, [...staffIds], range, now, options.busy);
  const results = await scope.db.batch(queries);
  return assembleCalendars(results, [...staffIds], options);
}

export interface CalendarOptions {
  ignoreAppointmentIds?: readonly number[];
  /** "absences": only time off counts as busy (the calendar objects judge bookings and holds). */
  busy?: "all" | "absences";
}

/**
 * The statement behind loadStaffCalendars, for callers that put it into a larger batch (an array
 * of one). `staff` may be a list of ids or a subquery selecting them; `branch` an id or a subquery.
 */
export function calendarQueries(
  scope: TenantScope,
  branchId: number | SQL,
  ids: number[] | SQL,
  range: { from: number; to: number },
  now: number,
  busy: CalendarOptions["busy"] = "all",
  /** A voice call asking again must not see its own holds as taken. */
  ignoreHoldsOfCall?: string,
) {
  const window = calendarWindow(range, now);
  return [
    scope.db.select(calendarColumns(scope, branchId, ids, window, busy, ignoreHoldsOfCall)).from(ONE_ROW),
  ] as const;
}

/** The granule length as an integer literal of SQL. */
const GRANULE_SQL = sql.raw(String(GRANULE_MS));

/** The FROM of a statement made only of subqueries: one row. */
export const ONE_ROW = sql`(SELECT 1)`;

/**
 * A column with its table's name, for SQL written by hand: inside selected `sql` fields drizzle
 * leaves columns unqualified, which a join would make ambiguous.
 */
export function qualified(column: SQLiteColumn): SQL {
  return sql.raw(`"${getTableName(column.table)}"."${column.name}"`);
}

/**
 * The calendar inputs as three columns of one row (for a statement that also selects other
 * things): `hours` and `overrides` as JSON arrays of arrays, `busy` as the flat list
 * "staff,id,startGranule,endGranule,…" (id: the appointment's, 0 for time off and holds; the span
 * rounded outward to granules), which JSON.parse reads natively once wrapped in brackets. One
 * statement instead of one per table, and no per-row cost: local D1 charges per statement.
 */
export function calendarColumns(
  scope: TenantScope,
  branchId: number | SQL,
  ids: number[] | SQL,
  window: CalendarWindow,
  busy: CalendarOptions["busy"] = "all",
  ignoreHoldsOfCall?: string | Placeholder,
) {
  // Only time off when the calendar objects judge bookings and holds: no appointment rows to read.
  const bookings = busy === "absences" ? sql`0` : sql`1`;
  const db = scope.db;
  const company = scope.companyRef;
  // Bounds are compared as plain numbers (instants are stored as epoch ms), so that they may be
  // placeholders of a prepared statement.
  const { from, to, scanFrom, now } = window;
  // Busy spans as plain integers under fixed names (the union is read as a subquery below).
  const span = (id: SQL | number, staffId: SQLiteColumn, start: SQLiteColumn, end: SQLiteColumn) => ({
    id: (typeof id === "number" ? sql<number>`${sql.raw(String(id))}` : id).as("busy_id"),
    staffId: sql<number>`${staffId}`.as("busy_staff"),
    start: sql<number>`${start}`.as("busy_start"),
    end: sql<number>`${end}`.as("busy_end"),
  });
  // Everything that keeps staff busy, in one statement.
  const busyRows = unionAll(
    db
      .select(span(0, timeOff.staffId, timeOff.startsAt, timeOff.endsAt))
      .from(timeOff)
      .where(
        scope.where(
          timeOff,
          inArray(timeOff.staffId, ids),
          sql`${timeOff.startsAt} < ${to}`,
          sql`${timeOff.endsAt} > ${from}`,
        ),
      ),
    db
      .select(
        span(
          sql`${appointments.id}`,
          appointments.staffId,
          appointments.blockedFrom,
          appointments.blockedUntil,
        ),
      )
      .from(appointments)
      .where(
        scope.where(
          appointments,
          sql`${bookings} = 1`,
          inArray(appointments.staffId, ids),
          eq(appointments.isComposite, false),
          inArray(appointments.status, [...OCCUPYING_STATUSES]),
          sql`${appointments.startsAt} > ${scanFrom}`,
          sql`${appointments.startsAt} < ${to}`,
        ),
      ),
    db
      .select(
        span(
          sql`${nestedBookingSlots.appointmentId}`,
          nestedBookingSlots.staffId,
          nestedBookingSlots.blockedFrom,
          nestedBookingSlots.blockedUntil,
        ),
      )
      .from(nestedBookingSlots)
      .innerJoin(appointments, eq(appointments.id, nestedBookingSlots.appointmentId))
      .where(
        and(
          sql`${bookings} = 1`,
          eq(nestedBookingSlots.companyId, company),
          inArray(nestedBookingSlots.staffId, ids),
          inArray(appointments.status, [...OCCUPYING_STATUSES]),
          isNull(appointments.deletedAt),
          sql`${nestedBookingSlots.startsAt} > ${scanFrom}`,
          sql`${nestedBookingSlots.startsAt} < ${to}`,
        ),
      ),
    db
      .select(span(0, calendarHolds.staffId, calendarHolds.startsAt, calendarHolds.endsAt))
      .from(calendarHolds)
      .where(
        and(
          sql`${bookings} = 1`,
          eq(calendarHolds.companyId, company),
          inArray(calendarHolds.staffId, ids),
          sql`${calendarHolds.expiresAt} > ${now}`,
          ignoreHoldsOfCall
            ? sql`(${calendarHolds.callId} IS NULL OR ${calendarHolds.callId} <> ${ignoreHoldsOfCall})`
            : undefined,
          sql`${calendarHolds.startsAt} < ${to}`,
          sql`${calendarHolds.endsAt} > ${from}`,
        ),
      ),
  );
  const h = workingHours;
  const o = dateOverrides;
  return {
    hours: sql<
      string | null
    >`(SELECT json_group_array(json_array(${qualified(h.staffId)}, ${qualified(h.dayOfWeek)}, ${qualified(h.startTime)}, ${qualified(h.endTime)}, ${qualified(h.breakStart)}, ${qualified(h.breakEnd)}, ${qualified(h.validFrom)}, ${qualified(h.validUntil)}, ${qualified(h.isAvailable)})) FROM ${h} WHERE ${scope.where(h, inArray(h.staffId, ids), eq(h.branchId, branchId))})`,
    overrides: sql<
      string | null
    >`(SELECT json_group_array(json_array(${qualified(o.date)}, ${qualified(o.staffId)}, ${qualified(o.isClosed)}, ${qualified(o.startTime)}, ${qualified(o.endTime)}, ${qualified(o.breakStart)}, ${qualified(o.breakEnd)})) FROM ${o} WHERE ${scope.where(o, eq(o.branchId, branchId), or(inArray(o.staffId, ids), isNull(o.staffId)))})`,
    // Rounded outward to granules here: shorter numbers to carry and parse. The granule is
    // written as a literal: D1 binds every number as REAL, which would make the division exact.
    busy: sql<
      string | null
    >`(SELECT group_concat(busy_staff || ',' || busy_id || ',' || (busy_start / ${GRANULE_SQL}) || ',' || ((busy_end + ${GRANULE_SQL} - 1) / ${GRANULE_SQL})) FROM (${busyRows}))`,
  };
}

/** The three calendar columns of a row (see calendarColumns). */
export interface CalendarRow {
  hours: string | null;
  overrides: string | null;
  busy: string | null;
}

type HourTuple = [
  number,
  number,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
];
type OverrideTuple = [
  string,
  number | null,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
];

/** Builds the engine's inputs from the result of calendarQueries, one entry per staff id. */
export function assembleCalendars(
  results: readonly unknown[],
  ids: number[],
  options: CalendarOptions = {},
): StaffCalendarInput[] {
  const [rows] = results as [CalendarRow[]];
  return assembleCalendarRow(rows[0]!, ids, options);
}

/** Builds the engine's inputs from the calendar columns of a row, one entry per staff id. */
export function assembleCalendarRow(
  row: CalendarRow,
  ids: number[],
  options: CalendarOptions = {},
): StaffCalendarInput[] {
  const ignore = new Set(options.ignoreAppointmentIds ?? []);
  const busy = new Map<number, Interval[]>(ids.map((id) => [id, []]));
  if (row.busy) {
    const flat = JSON.parse(`[${row.busy}]`) as number[];
    for (let i = 0; i + 3 < flat.length; i += 4) {
      const id = flat[i + 1]!;
      // Only appointments carry an id; time off is busy whatever is being moved.
      if (id !== 0 && ignore.has(id)) continue;
      busy.get(flat[i]!)?.push({ start: flat[i + 2]! * GRANULE_MS, end: flat[i + 3]! * GRANULE_MS });
    }
  }
  const weekly = new Map<number, StaffCalendarInput["weeklyHours"]>(ids.map((id) => [id, []]));
  for (const h of JSON.parse(row.hours ?? "[]") as HourTuple[]) {
    weekly.get(h[0])?.push({
      dayOfWeek: h[1],
      startTime: h[2],
      endTime: h[3],
      breakStart: h[4],
      breakEnd: h[5],
      validFrom: h[6],
      validUntil: h[7],
      isAvailable: h[8] === 1,
    });
  }
  const overrides = (JSON.parse(row.overrides ?? "[]") as OverrideTuple[]).map((o) => ({
    date: o[0],
    staffId: o[1],
    isClosed: o[2] === 1,
    startTime: o[3],
    endTime: o[4],
    breakStart: o[5],
    breakEnd: o[6],
  }));
  return ids.map((staffId) => ({
    staffId,
    weeklyHours: weekly.get(staffId) ?? [],
    overrides: overrides.filter((o) => o.staffId === staffId || o.staffId === null),
    busy: busy.get(staffId) ?? [],
  }));
}
