import type { RecurrenceFrequency } from "../../../../drizzle/schema/enums";
import { addDays, addMonthsClamped, isLocalDate, type LocalDate } from "./local-calendar";
import type { Occurrence } from "./occurrence";
import { isTimeZone, resolveWallTime, wallOf } from "./wall-clock";

export type SeriesSpec = {
  /** The first appointment's start, epoch ms on a whole minute; it becomes occurrence 0 unchanged. */
  firstStart: number;
  durationMinutes: number;
  /** The branch's IANA zone; the series keeps the first start's wall-clock time in it. */
  timeZone: string;
  frequency: RecurrenceFrequency;
  /** Every N days / weeks / months, N ≥ 1. */
  interval: number;
  /** Exactly one of count and until (matching recurring_appointment_patterns' occurrence_count / end_date). */
  count?: number | null;
  /** Last local date a series day may fall on, inclusive. */
  until?: LocalDate | null;
  /** Hard ceiling (e.g. the recurring policy's max_series_length), whatever count or until ask for. */
  maxOccurrences: number;
};

export type ExpandedSeries = {
  occurrences: Occurrence[];
  /** true when count or until asked for more than maxOccurrences. */
  capped: boolean;
};

/**
 * The appointments of a series. Every occurrence keeps the first one's local wall-clock time, so a
 * 10:00 series stays at 10:00 across DST changes (the UTC instant moves instead).
 * - daily: every N local days; weekly: the same weekday every N weeks (N × 7 local days);
 * - monthly: the first start's day of month every N months; where that day does not exist
 *   (31st in a 30-day month, 29th–31st in February) the month's last day is used, and the next
 *   month returns to the original day (Jan 31 → Feb 28 → Mar 31).
 * A time inside a DST gap moves to the first existing minute (02:30 → 03:00 in Berlin, flagged
 * dstShifted); a repeated time takes its first occurrence. See wall-clock.ts.
 */
export function expandSeries(spec: SeriesSpec): ExpandedSeries {
  validate(spec);
  const first = wallOf(spec.firstStart, spec.timeZone);
  const durationMs = spec.durationMinutes * 60_000;
  const occurrences: Occurrence[] = [];

  for (let index = 0; ; index++) {
    if (spec.count != null && index >= spec.count) return { occurrences, capped: false };
    const date = seriesDate(first.date, spec.frequency, spec.interval * index);
    if (spec.until != null && date > spec.until) return { occurrences, capped: false };
    if (occurrences.length >= spec.maxOccurrences) return { occurrences, capped: true };

    const { instant, shifted } =
      index === 0
        ? { instant: spec.firstStart, shifted: false }
        : resolveWallTime({ date, time: first.time }, spec.timeZone);
    occurrences.push({
      index,
      start: instant,
      end: instant + durationMs,
      date,
      time: first.time,
      dstShifted: shifted,
    });
  }
}

/** The local date `steps` frequency units after the first one. */
function seriesDate(firstDate: LocalDate, frequency: RecurrenceFrequency, steps: number): LocalDate {
  switch (frequency) {
    case "daily":
      return addDays(firstDate, steps);
    case "weekly":
      return addDays(firstDate, steps * 7);
    case "monthly":
      return addMonthsClamped(firstDate, steps);
  }
}

const positiveInt = (n: number) => Number.isSafeInteger(n) && n >= 1;

function validate(spec: SeriesSpec): void {
  if (!isTimeZone(spec.timeZone)) throw new RangeError(`Unknown time zone: ${spec.timeZone}`);
  // Wall times are handled to the minute; all current zone offsets are whole minutes.
  if (!Number.isSafeInteger(spec.firstStart) || spec.firstStart % 60_000 !== 0) {
    throw new RangeError("firstStart must be epoch milliseconds on a whole minute");
  }
  if (!positiveInt(spec.durationMinutes)) throw new RangeError("durationMinutes must be a positive integer");
  if (!positiveInt(spec.interval)) throw new RangeError("interval must be a positive integer");
  if (!positiveInt(spec.maxOccurrences)) throw new RangeError("maxOccurrences must be a positive integer");
  if ((spec.count == null) === (spec.until == null)) {
    throw new RangeError("Exactly one of count and until is required");
  }
  if (spec.count != null && !positiveInt(spec.count))
    throw new RangeError("count must be a positive integer");
  if (spec.until != null) {
    if (!isLocalDate(spec.until)) throw new RangeError(`Invalid until date: ${spec.until}`);
    if (spec.until < wallOf(spec.firstStart, spec.timeZone).date) {
      throw new RangeError("until is before the first occurrence");
    }
  }
}
