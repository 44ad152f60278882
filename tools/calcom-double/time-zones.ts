import { formatInTimeZone, fromZonedTime, getTimezoneOffset } from "date-fns-tz";

/** The UTC instant of a wall-clock `HH:MM` on a local date in `timeZone` ("24:00" = next midnight). */
export function zonedToUtc(date: string, time: string, timeZone: string): number {
  if (time === "24:00") return zonedToUtc(addDays(date, 1), "00:00", timeZone);
  return fromZonedTime(`${date}T${time}:00`, timeZone).getTime();
}

/** The local date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDate(instant: number, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "yyyy-MM-dd");
}

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. */
export function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * An instant as Cal.com's slots output prints it (luxon `toISO()`): local time with millis and
 * the zone offset, `Z` for UTC, e.g. `2050-09-05T09:00:00.000+02:00`.
 */
export function isoWithOffset(instant: number, timeZone: string): string {
  if (timeZone === "UTC") return new Date(instant).toISOString();
  return formatInTimeZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
}

/** Minutes east of UTC at `instant` (the `utcOffset` of webhook people). */
export function utcOffsetMinutes(instant: number, timeZone: string): number {
  return Math.round(getTimezoneOffset(timeZone, new Date(instant)) / 60_000);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
