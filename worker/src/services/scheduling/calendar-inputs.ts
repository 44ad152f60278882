import { and, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { type SQLiteColumn, unionAll } from "drizzle-orm/sqlite-core";
import {
  appointments,
  calendarHolds,
  dateOverrides,
  nestedBookingSlots,
  timeOff,
  workingHours,
} from "../../../../drizzle/schema";
import { roundOutward } from "../../calendar/granules";
import type { TenantScope } from "../../db/tenant-scope";
import type { Interval, StaffCalendarInput } from "../../domain/availability";

/** Appointments in these states occupy their staff member's time. */
export const OCCUPYING_STATUSES = ["pending", "confirmed", "in_progress"] as const;

/** No appointment (buffers included) is longer than this; it bounds the range scan on starts_at. */
const LONGEST_BLOCK_MS = 24 * 3_600_000;

/**
 * Everything the availability engine needs about some staff members at one branch over
 * [from, to): weekly hours, date overrides (their own and branch-wide), and what keeps them busy
 * (appointments and composite segments, live holds, time off), each rounded to calendar granules.
 * Three indexed queries in one D1 round trip, whatever the number of staff.
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
 * The three queries behind loadStaffCalendars, for callers that put them into a larger batch.
 * `staff` may be a list of ids or a subquery selecting them; `branch` an id or a subquery.
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
  // Only time off when the calendar objects judge bookings and holds: no appointment rows to read.
  const bookings = busy === "absences" ? sql`0` : sql`1`;
  const db = scope.db;
  const scanFrom = new Date(range.from - LONGEST_BLOCK_MS);
  // Busy spans as plain integers under fixed names (the union is read as a subquery below).
  const span = (id: SQL | number, staffId: SQLiteColumn, start: SQLiteColumn, end: SQLiteColumn) => ({
    id: (typeof id === "number" ? sql<number>`${sql.raw(String(id))}` : id).as("busy_id"),
    staffId: sql<number>`${staffId}`.as("busy_staff"),
    start: sql<number>`${start}`.as("busy_start"),
    end: sql<number>`${end}`.as("busy_end"),
  });
  // Everything that keeps staff busy, in one statement (fewer statements, faster batches).
  const busyRows = unionAll(
    db
      .select(span(0, timeOff.staffId, timeOff.startsAt, timeOff.endsAt))
      .from(timeOff)
      .where(
        scope.where(
          timeOff,
          inArray(timeOff.staffId, ids),
          lt(timeOff.startsAt, new Date(range.to)),
          gt(timeOff.endsAt, new Date(range.from)),
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
          gt(appointments.startsAt, scanFrom),
          lt(appointments.startsAt, new Date(range.to)),
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
          eq(nestedBookingSlots.companyId, scope.companyId),
          inArray(nestedBookingSlots.staffId, ids),
          inArray(appointments.status, [...OCCUPYING_STATUSES]),
          isNull(appointments.deletedAt),
          gt(nestedBookingSlots.startsAt, scanFrom),
          lt(nestedBookingSlots.startsAt, new Date(range.to)),
        ),
      ),
    db
      .select(span(0, calendarHolds.staffId, calendarHolds.startsAt, calendarHolds.endsAt))
      .from(calendarHolds)
      .where(
        and(
          sql`${bookings} = 1`,
          eq(calendarHolds.companyId, scope.companyId),
          inArray(calendarHolds.staffId, ids),
          gt(calendarHolds.expiresAt, new Date(now)),
          ignoreHoldsOfCall
            ? sql`(${calendarHolds.callId} IS NULL OR ${calendarHolds.callId} <> ${ignoreHoldsOfCall})`
            : undefined,
          lt(calendarHolds.startsAt, new Date(range.to)),
          gt(calendarHolds.endsAt, new Date(range.from)),
        ),
      ),
  );
  return [
    db
      .select(hourColumns)
      .from(workingHours)
      .where(
        scope.where(workingHours, inArray(workingHours.staffId, ids), eq(workingHours.branchId, branchId)),
      ),
    db
      .select(overrideColumns)
      .from(dateOverrides)
      .where(
        scope.where(
          dateOverrides,
          eq(dateOverrides.branchId, branchId),
          or(inArray(dateOverrides.staffId, ids), isNull(dateOverrides.staffId)),
        ),
      ),
    // One row per staff member with all their busy spans as "id,start,end;…" (id: the
    // appointment's, 0 for time off and holds): a few rows instead of hundreds, which D1 and the
    // row mapping would otherwise pay for one by one.
    db
      .select({
        staffId: sql<number>`busy_staff`,
        spans: sql<string>`group_concat(busy_id || ',' || busy_start || ',' || busy_end, ';')`,
      })
      .from(sql`(${busyRows})`)
      .groupBy(sql`busy_staff`),
  ] as const;
}

const hourColumns = {
  staffId: workingHours.staffId,
  dayOfWeek: workingHours.dayOfWeek,
  startTime: workingHours.startTime,
  endTime: workingHours.endTime,
  breakStart: workingHours.breakStart,
  breakEnd: workingHours.breakEnd,
  validFrom: workingHours.validFrom,
  validUntil: workingHours.validUntil,
  isAvailable: workingHours.isAvailable,
};

const overrideColumns = {
  date: dateOverrides.date,
  staffId: dateOverrides.staffId,
  isClosed: dateOverrides.isClosed,
  startTime: dateOverrides.startTime,
  endTime: dateOverrides.endTime,
  breakStart: dateOverrides.breakStart,
  breakEnd: dateOverrides.breakEnd,
};

type HourRow = { [K in keyof typeof hourColumns]: (typeof workingHours.$inferSelect)[K] };
type OverrideRow = { [K in keyof typeof overrideColumns]: (typeof dateOverrides.$inferSelect)[K] };
type CalendarResults = [HourRow[], OverrideRow[], { staffId: number; spans: string | null }[]];

/** Builds the engine's inputs from the three query results, one entry per staff id. */
export function assembleCalendars(
  results: readonly unknown[],
  ids: number[],
  options: CalendarOptions = {},
): StaffCalendarInput[] {
  const [hours, overrides, busyRows] = results as CalendarResults;
  const ignore = new Set(options.ignoreAppointmentIds ?? []);
  const busy = new Map<number, Interval[]>(ids.map((id) => [id, []]));
  for (const row of busyRows) {
    const list = busy.get(row.staffId);
    if (!list || !row.spans) continue;
    for (const entry of row.spans.split(";")) {
      const [id, start, end] = entry.split(",").map(Number) as [number, number, number];
      // Only appointments carry an id; time off is busy whatever is being moved.
      if (id !== 0 && ignore.has(id)) continue;
      list.push(roundOutward(start, end));
    }
  }
  const weekly = new Map<number, StaffCalendarInput["weeklyHours"]>(ids.map((id) => [id, []]));
  for (const h of hours) {
    weekly.get(h.staffId)?.push({
      dayOfWeek: h.dayOfWeek,
      startTime: h.startTime,
      endTime: h.endTime,
      breakStart: h.breakStart,
      breakEnd: h.breakEnd,
      validFrom: h.validFrom,
      validUntil: h.validUntil,
      isAvailable: h.isAvailable,
    });
  }
  return ids.map((staffId) => ({
    staffId,
    weeklyHours: weekly.get(staffId) ?? [],
    overrides: overrides
      .filter((o) => o.staffId === staffId || o.staffId === null)
      .map((o) => ({
        date: o.date,
        staffId: o.staffId,
        isClosed: o.isClosed,
        startTime: o.startTime,
        endTime: o.endTime,
        breakStart: o.breakStart,
        breakEnd: o.breakEnd,
      })),
    busy: busy.get(staffId) ?? [],
  }));
}
