import { clockLabel } from "./clock-time";
import { type LocalDay, wallMsOf } from "./local-day";
import { MINUTE_MS } from "./units";
import type { ZoneDays } from "./zone-days";

/** Local 'HH:MM' of a start on `day` (a repeated hour on the October change reads the same twice). */
export function startLabel(day: LocalDay, start: number): string {
  return clockLabel(Math.floor(wallMsOf(day, start) / MINUTE_MS));
}

/** Local 'HH:MM' of an end belonging to a slot that starts on `day`; '24:00' at the day's very end. */
export function endLabel(days: ZoneDays, day: LocalDay, end: number): string {
  if (end === day.end) return "24:00";
  let owner = day;
  while (end >= owner.end) owner = days.dayAt(owner.epochDay + 1);
  return clockLabel(Math.floor(wallMsOf(owner, end) / MINUTE_MS));
}
