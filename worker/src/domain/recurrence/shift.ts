import { daysBetween, minutesOfDay, shiftWallTime } from "./local-calendar";
import type { Occurrence } from "./occurrence";
import { isTimeZone, resolveWallTime, wallOf } from "./wall-clock";

/**
 * A wall-clock change for a whole series: `days` calendar days plus `minutes` on the clock, either
 * may be negative. "Every Tuesday 10:00 → Wednesday 11:30" is { days: 1, minutes: 90 }. Minutes
 * roll over midnight, so { days: 0, minutes: 1530 } means the same; days are calendar days (not
 * 24 hours) and minutes are clock minutes, which is what keeps a shifted series on its new local
 * time across DST changes.
 */
export type WallClockShift = { days: number; minutes: number };

/** The shift that moves the wall-clock reading of `from` to that of `to` (e.g. one dragged occurrence). */
export function wallClockShiftBetween(from: number, to: number, timeZone: string): WallClockShift {
  const a = wallOf(from, timeZone);
  const b = wallOf(to, timeZone);
  return { days: daysBetween(a.date, b.date), minutes: minutesOfDay(b.time) - minutesOfDay(a.time) };
}

/**
 * Series-level rescheduling: moves each given occurrence (pass only the remaining ones) by the same
 * wall-clock shift, keeping its index and real duration. The shift applies to the occurrence's
 * series time (`date`, `time`), not to a start that was moved out of a DST gap, so 02:30 shifted by
 * +60 minutes is 03:30 everywhere. New times in a gap move to the first existing minute again.
 */
export function shiftSeries(
  occurrences: readonly Occurrence[],
  shift: WallClockShift,
  timeZone: string,
): Occurrence[] {
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  if (!Number.isSafeInteger(shift.days) || !Number.isSafeInteger(shift.minutes)) {
    throw new RangeError("A wall-clock shift is whole days and whole minutes");
  }
  return occurrences.map((occurrence) => {
    const wall = shiftWallTime(occurrence, shift.days, shift.minutes);
    const { instant, shifted } = resolveWallTime(wall, timeZone);
    return {
      index: occurrence.index,
      start: instant,
      end: instant + (occurrence.end - occurrence.start),
      date: wall.date,
      time: wall.time,
      dstShifted: shifted,
    };
  });
}
