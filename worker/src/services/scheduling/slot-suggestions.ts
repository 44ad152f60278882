import type { TenantScope } from "../../db/tenant-scope";
import { nextFreeSlots } from "../../domain/availability";
import { localDate } from "../../domain/zoned-time";
import type { BookingTarget } from "./booking-target";
import { loadStaffCalendars } from "./calendar-inputs";

export interface SuggestedSlot {
  starts_at: string;
  ends_at: string;
  date: string;
  time: string;
  staff_id: number;
}

const DAY_MS = 86_400_000;
/** How far ahead alternatives are searched. */
const SEARCH_DAYS = 14;

/** The next free starts for the same staff member and service after `after`, for a 409's details. */
export async function suggestSlots(
  scope: TenantScope,
  target: BookingTarget,
  after: number,
  count = 3,
  options: { ignoreAppointmentIds?: readonly number[] } = {},
): Promise<SuggestedSlot[]> {
  const now = Date.now();
  const from = Math.max(after, now);
  const calendars = await loadStaffCalendars(
    scope,
    target.branch.id,
    [target.staff.id],
    { from: from - DAY_MS, to: from + SEARCH_DAYS * DAY_MS },
    now,
    options,
  );
  return nextFreeSlots(
    {
      timeZone: target.timeZone,
      fromDate: localDate(new Date(from), target.timeZone),
      now: from,
      service: { ...target.timing, maxAdvanceDays: Math.min(target.timing.maxAdvanceDays, SEARCH_DAYS) },
      staff: calendars,
    },
    count,
  ).map((slot) => ({
    starts_at: new Date(slot.start).toISOString(),
    ends_at: new Date(slot.end).toISOString(),
    date: slot.date,
    time: slot.localStart,
    staff_id: target.staff.id,
  }));
}
