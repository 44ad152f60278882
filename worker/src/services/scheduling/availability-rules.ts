import type { SQL } from "drizzle-orm";
import { roundOutward } from "../../calendar/granules";
import type { TenantScope } from "../../db/tenant-scope";
import { isBookable, type StaffCalendarInput } from "../../domain/availability";
import { localDate } from "../../domain/zoned-time";
import { slotUnavailable } from "./booking-errors";
import type { BookingTarget } from "./booking-target";
import { assembleCalendars, calendarQueries, loadStaffCalendars } from "./calendar-inputs";
import { suggestSlots } from "./slot-suggestions";

const MINUTE = 60_000;
const DAY_MS = 86_400_000;

/**
 * The staff member's hours, overrides and time off around `start`: what the working-time rule
 * needs. Callers may start it early (before they know the branch: pass the staff member's branch
 * as a subquery) to overlap it with their other reads.
 */
export function absencesAround(scope: TenantScope, branch: number | SQL, staffId: number, start: number) {
  return loadStaffCalendars(scope, branch, [staffId], absenceRange(start), Date.now(), { busy: "absences" });
}

/** absencesAround as a statement, for callers that batch it with their other reads. */
export function absencesQuery(scope: TenantScope, branch: number | SQL, staffId: number, start: number) {
  return calendarQueries(scope, branch, [staffId], absenceRange(start), Date.now(), "absences")[0];
}

/** Reads the result of absencesQuery. */
export function absencesOf(result: unknown, staffId: number): StaffCalendarInput[] {
  return assembleCalendars([result], [staffId], { busy: "absences" });
}

const absenceRange = (start: number) => ({ from: start - DAY_MS, to: start + DAY_MS });

export interface BlockedSpan {
  start: number;
  end: number;
  blockedFrom: number;
  blockedUntil: number;
}

/**
 * The columns that place an appointment in time and in a room or chair: what a booking inserts and
 * a move updates (same span, same unit, same encoding everywhere).
 */
export function placementColumns(
  span: BlockedSpan,
  seat: { unit: { resourceId: number; unit: number } } | null | undefined,
) {
  return {
    resourceId: seat?.unit.resourceId ?? null,
    resourceUnit: seat?.unit.unit ?? null,
    startsAt: new Date(span.start),
    endsAt: new Date(span.end),
    blockedFrom: new Date(span.blockedFrom),
    blockedUntil: new Date(span.blockedUntil),
  };
}

export function spanOf(target: BookingTarget, start: number): BlockedSpan {
  const end = start + target.timing.durationMinutes * MINUTE;
  const blocked = roundOutward(
    start - target.timing.bufferBeforeMinutes * MINUTE,
    end + target.timing.bufferAfterMinutes * MINUTE,
  );
  return { start, end, blockedFrom: blocked.start, blockedUntil: blocked.end };
}

/**
 * Checks a requested start against the staff member's working time, notice and horizon, and
 * absences (the calendar object judges overlaps with bookings and holds).
 */
export async function requireWithinAvailability(
  scope: TenantScope,
  target: BookingTarget,
  start: number,
  options: { ignoreAppointmentIds?: readonly number[]; calendars?: Promise<StaffCalendarInput[]> } = {},
): Promise<void> {
  const now = Date.now();
  const day = localDate(new Date(start), target.timeZone);
  const calendars = await (options.calendars ??
    absencesAround(scope, target.branch.id, target.staff.id, start));
  const bookable = isBookable(
    { timeZone: target.timeZone, fromDate: day, toDate: day, now, service: target.timing, staff: calendars },
    target.staff.id,
    start,
  );
  if (!bookable) throw slotUnavailable(start, await suggestSlots(scope, target, start, 3, options));
}
