import { localDateAt, offsetAt } from "./availability/zone-offset";
import { resolveWallTime } from "./recurrence/wall-clock";

/**
 * Conversions between UTC instants and wall-clock values in a branch's IANA time zone. Instants
 * are stored in UTC; "today", working hours and reminders are evaluated in the branch's zone,
 * read from the runtime's ICU data (correct across DST changes). Instants are turned into local
 * values through the engine's cached offsets (a microsecond each; date-fns-tz's formatting costs
 * tens of microseconds, which every slot of an answer paid).
 */

/** The local calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return localDateAt(timeZone, instant.getTime());
}

/**
 * The UTC instant of a wall-clock time (`HH:MM`) on a local date in `timeZone`. A time that does
 * not exist (inside the spring-forward gap) moves forward to the first existing minute (02:30 →
 * 03:00 in Berlin); a time that exists twice (autumn) is its first occurrence. "24:00" is the
 * following midnight.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  if (time === "24:00") return zonedInstant(nextLocalDate(date), "00:00", timeZone);
  return new Date(resolveWallTime({ date, time }, timeZone).instant);
}

/** The next local calendar date after `date`. */
export function nextLocalDate(date: string): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** [start, end) of the local day that contains `instant` (23 or 25 hours long on DST days). */
export function localDayBounds(instant: Date, timeZone: string): { start: Date; end: Date } {
  const date = localDate(instant, timeZone);
  return {
    start: zonedInstant(date, "00:00", timeZone),
    end: zonedInstant(nextLocalDate(date), "00:00", timeZone),
  };
}

/** The wall-clock time (HH:MM) of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const local = new Date(ms + offsetAt(timeZone, ms));
  return `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`;
}
