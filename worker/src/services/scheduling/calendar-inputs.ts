import { and, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/sqlite-core";
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
  return [
    db
      .select()
      .from(workingHours)
      .where(
        scope.where(workingHours, inArray(workingHours.staffId, ids), eq(workingHours.branchId, branchId)),
      ),
    db
      .select()
      .from(dateOverrides)
      .where(
        scope.where(
          dateOverrides,
          eq(dateOverrides.branchId, branchId),
          or(inArray(dateOverrides.staffId, ids), isNull(dateOverrides.staffId)),
        ),
      ),
    // Everything that keeps staff busy, in one statement (fewer statements, faster batches).
    unionAll(
      db
        .select({
          kind: sql<BusyKind>`'absence'`,
          id: sql<number>`0`,
          staffId: timeOff.staffId,
          start: timeOff.startsAt,
          end: timeOff.endsAt,
        })
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
        .select({
          kind: sql<BusyKind>`'appointment'`,
          id: appointments.id,
          staffId: appointments.staffId,
          start: appointments.blockedFrom,
          end: appointments.blockedUntil,
        })
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
        .select({
          kind: sql<BusyKind>`'segment'`,
          id: nestedBookingSlots.appointmentId,
          staffId: nestedBookingSlots.staffId,
          start: nestedBookingSlots.blockedFrom,
          end: nestedBookingSlots.blockedUntil,
        })
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
        .select({
          kind: sql<BusyKind>`'hold'`,
          id: sql<number>`0`,
          staffId: sql<number>`${calendarHolds.staffId}`,
          start: calendarHolds.startsAt,
          end: calendarHolds.endsAt,
        })
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
    ),
  ] as const;
}

type BusyKind = "absence" | "appointment" | "segment" | "hold";

type CalendarResults = [
  (typeof workingHours.$inferSelect)[],
  (typeof dateOverrides.$inferSelect)[],
  { kind: BusyKind; id: number; staffId: number; start: Date; end: Date }[],
];

/** Builds the engine's inputs from the three query results, one entry per staff id. */
export function assembleCalendars(
  results: readonly unknown[],
  ids: number[],
  options: CalendarOptions = {},
): StaffCalendarInput[] {
  const [hours, overrides, busyRows] = results as CalendarResults;
  const ignore = new Set(options.ignoreAppointmentIds ?? []);
  const busy = new Map<number, Interval[]>(ids.map((id) => [id, []]));
  const add = (staffId: number | null, start: Date, end: Date) => {
    if (staffId === null) return;
    busy.get(staffId)?.push(roundOutward(start.getTime(), end.getTime()));
  };
  for (const row of busyRows) {
    if (row.kind !== "absence" && (options.busy === "absences" || ignore.has(row.id))) continue;
    add(row.staffId, row.start, row.end);
  }

  return ids.map((staffId) => ({
    staffId,
    weeklyHours: hours
      .filter((h) => h.staffId === staffId)
      .map((h) => ({
        dayOfWeek: h.dayOfWeek,
        startTime: h.startTime,
        endTime: h.endTime,
        breakStart: h.breakStart,
        breakEnd: h.breakEnd,
        validFrom: h.validFrom,
        validUntil: h.validUntil,
        isAvailable: h.isAvailable,
      })),
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
