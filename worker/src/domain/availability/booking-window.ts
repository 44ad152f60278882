import { epochDayOf } from "./calendar-date";
import { DAY_MS, MIN_SLOT_INTERVAL_MINUTES, MINUTE_MS } from "./units";
import type { ZoneDays } from "./zone-days";

/** Which starts a query may offer at all, before anyone's calendar is consulted. */
export interface BookingWindow {
  /** now + min notice: no start before it. */
  readonly earliest: number;
  /** now + max advance days (as 24-hour days): no start after it. */
  readonly latest: number;
  /** Day numbers of the first and last local dates that can hold an offered start (inclusive). */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly stepMinutes: number;
}

export interface BookingLimits {
  now: number;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  slotIntervalMinutes: number;
  fromDate: string;
  /** null: up to the advance horizon. */
  toDate: string | null;
}

export function bookingWindow(days: ZoneDays, limits: BookingLimits): BookingWindow {
  const earliest = limits.now + limits.minNoticeMinutes * MINUTE_MS;
  const latest = limits.now + limits.maxAdvanceDays * DAY_MS;
  const firstDay = Math.max(epochDayOf(limits.fromDate), epochDayOf(days.localDateAt(earliest)));
  const horizonDay = epochDayOf(days.localDateAt(latest));
  const lastDay = limits.toDate === null ? horizonDay : Math.min(epochDayOf(limits.toDate), horizonDay);
  return { earliest, latest, firstDay, lastDay, stepMinutes: slotStep(limits.slotIntervalMinutes) };
}

/** The slot interval, raised to the engine's finest grid so enumeration stays bounded. */
export function slotStep(slotIntervalMinutes: number): number {
  return Number.isFinite(slotIntervalMinutes) && slotIntervalMinutes > MIN_SLOT_INTERVAL_MINUTES
    ? slotIntervalMinutes
    : MIN_SLOT_INTERVAL_MINUTES;
}
