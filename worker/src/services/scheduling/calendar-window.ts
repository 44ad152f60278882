import { type Placeholder, sql } from "drizzle-orm";
import { GRANULE_MS, granuleOf } from "../../calendar/granules";

/** A number in a statement: a value, or a placeholder filled when a prepared statement runs. */
export type SqlNumber = number | Placeholder;

/** No appointment (buffers included) is longer than this; it bounds the range scan on starts_at. */
const LONGEST_BLOCK_MS = 24 * 3_600_000;

/** What a calendar read covers, as statement values (epoch ms and granule numbers). */
export interface CalendarWindow {
  /** [from, to) in epoch ms. */
  from: SqlNumber;
  to: SqlNumber;
  /** Appointments starting after this may reach into the range (from minus the longest block). */
  scanFrom: SqlNumber;
  /** Holds that expired before now occupy nothing. */
  now: SqlNumber;
  /** [firstGranule, endGranule): the range in granules, for calendar_occupancy. */
  firstGranule: SqlNumber;
  endGranule: SqlNumber;
}

/** The window's values for a range [from, to) read at `now`. */
export function calendarWindow(range: { from: number; to: number }, now: number) {
  return {
    from: range.from,
    to: range.to,
    scanFrom: range.from - LONGEST_BLOCK_MS,
    now,
    firstGranule: granuleOf(range.from),
    endGranule: Math.ceil(range.to / GRANULE_MS),
  } satisfies CalendarWindow;
}

/** The window of a prepared statement: each bound is the placeholder of the same name. */
export const CALENDAR_WINDOW_PLACEHOLDERS: CalendarWindow = {
  from: sql.placeholder("from"),
  to: sql.placeholder("to"),
  scanFrom: sql.placeholder("scanFrom"),
  now: sql.placeholder("now"),
  firstGranule: sql.placeholder("firstGranule"),
  endGranule: sql.placeholder("endGranule"),
};
