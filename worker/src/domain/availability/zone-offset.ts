import { dateOfEpochDay } from "./calendar-date";
import { DAY_MS } from "./units";

/**
 * UTC offset of an IANA zone at an instant, read from the runtime's ICU data.
 *
 * date-fns-tz costs tens of microseconds per conversion (it re-parses strings every time) and its
 * getTimezoneOffset is off by an hour in the first hour after a spring-forward change, so the
 * engine reads offsets itself with one cached Intl formatter per zone, and remembers them per hour.
 */

// Creating an Intl.DateTimeFormat is the expensive part, so one per zone for the isolate's life.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const HOUR_MS = 3_600_000;
/** Cached offsets per zone per UTC hour; bounded so a long-lived isolate cannot grow it forever. */
const hourOffsets = new Map<string, Map<number, number>>();
const MAX_CACHED_HOURS = 100_000;

/**
 * Wall-clock time minus instant, in ms (Berlin: 3_600_000 in winter, 7_200_000 in summer).
 * An answer converts hundreds of instants of the same few days, so offsets are remembered per
 * UTC hour: an hour whose first and last second have the same offset has it throughout (no zone
 * changes its offset twice within an hour), and the hour of a change is read exactly each time.
 */
export function offsetAt(timeZone: string, instant: number): number {
  const hour = Math.floor(instant / HOUR_MS);
  let byHour = hourOffsets.get(timeZone);
  if (!byHour) {
    byHour = new Map();
    hourOffsets.set(timeZone, byHour);
  }
  const cached = byHour.get(hour);
  if (cached !== undefined) return cached;
  const start = hour * HOUR_MS;
  const atStart = icuOffsetAt(timeZone, start);
  if (icuOffsetAt(timeZone, start + HOUR_MS - 1000) !== atStart) return icuOffsetAt(timeZone, instant);
  if (byHour.size >= MAX_CACHED_HOURS) byHour.clear();
  byHour.set(hour, atStart);
  return atStart;
}

/** The offset at an instant as ICU reads it (whole seconds). */
function icuOffsetAt(timeZone: string, instant: number): number {
  const text = formatterFor(timeZone).format(instant);
  // en-US with h23 reads "M/D/YYYY, HH:MM:SS": take the six digit groups in order. This avoids
  // formatToParts, which allocates a dozen objects per call.
  let month = 0;
  let day = 0;
  let year = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let group = 0;
  let value = 0;
  let inDigits = false;
  for (let i = 0; i <= text.length; i++) {
    const digit = i < text.length ? text.charCodeAt(i) - 48 : -1;
    if (digit >= 0 && digit <= 9) {
      value = value * 10 + digit;
      inDigits = true;
      continue;
    }
    if (!inDigits) continue;
    if (group === 0) month = value;
    else if (group === 1) day = value;
    else if (group === 2) year = value;
    else if (group === 3) hour = value;
    else if (group === 4) minute = value;
    else if (group === 5) second = value;
    group++;
    value = 0;
    inDigits = false;
  }
  // Some ICU versions print midnight as 24 even with h23.
  const wall = Date.UTC(year, month - 1, day, hour % 24, minute, second);
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return wall - wholeSecond;
}

/** Local calendar date of an instant; agrees with zoned-time's localDate. */
export function localDateAt(timeZone: string, instant: number): string {
  return dateOfEpochDay(Math.floor((instant + offsetAt(timeZone, instant)) / DAY_MS));
}
