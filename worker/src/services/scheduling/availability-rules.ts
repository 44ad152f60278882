import { roundOutward } from "../../calendar/granules";
import type { TenantScope } from "../../db/tenant-scope";
import { isBookable } from "../../domain/availability";
import { localDate } from "../../domain/zoned-time";
import { slotUnavailable } from "./booking-errors";
import type { BookingTarget } from "./booking-target";
import { loadStaffCalendars } from "./calendar-inputs";
import { suggestSlots } from "./slot-suggestions";

const MINUTE = 60_000;

export interface BlockedSpan {
  start: number;
  end: number;
  blockedFrom: number;
  blockedUntil: number;
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
  options: { ignoreAppointmentIds?: readonly number[] } = {},
): Promise<void> {
  const now = Date.now();
  const day = localDate(new Date(start), target.timeZone);
  const calendars = await loadStaffCalendars(
    scope,
    target.branch.id,
    [target.staff.id],
    { from: start - 86_400_000, to: start + 86_400_000 },
    now,
    { busy: "absences" },
  );
  const bookable = isBookable(
    { timeZone: target.timeZone, fromDate: day, toDate: day, now, service: target.timing, staff: calendars },
    target.staff.id,
    start,
  );
  if (!bookable) throw slotUnavailable(start, await suggestSlots(scope, target, start, 3, options));
}
