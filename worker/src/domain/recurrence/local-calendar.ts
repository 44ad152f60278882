/**
 * Calendar arithmetic on local dates ("YYYY-MM-DD") and wall-clock times ("HH:MM") with no time
 * zone involved: UTC Date fields serve as a plain proleptic calendar, so no DST rule can shift a day.
 */

export type LocalDate = string;
export type LocalTime = string;
/** A wall-clock reading: what a clock on the wall in the zone shows. */
export type WallTime = { date: LocalDate; time: LocalTime };

const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch day number of a local date (days since 1970-01-01 on the plain calendar). */
function dayNumber(date: LocalDate): number {
  const match = DATE_PATTERN.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches that.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Invalid local date: ${date}`);
  }
  return ms / DAY_MS;
}

const fromDayNumber = (day: number): LocalDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const isLocalDate = (date: string): boolean => {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
};

export const addDays = (date: LocalDate, days: number): LocalDate => fromDayNumber(dayNumber(date) + days);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: LocalDate, to: LocalDate): number => dayNumber(to) - dayNumber(from);

/**
 * The date `months` months after `anchor`, on the anchor's day of month, or on the month's last day
 * when that day does not exist (31st → 30th, Feb 29/30/31 → 28th or 29th). Always computed from the
 * anchor, never from the previous result, so a series on the 31st returns to the 31st after February.
 */
export function addMonthsClamped(anchor: LocalDate, months: number): LocalDate {
  const start = new Date(dayNumber(anchor) * DAY_MS);
  const monthIndex = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

export function minutesOfDay(time: LocalTime): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Invalid local time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

const formatTime = (minutes: number): LocalTime =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Moves a wall-clock reading by whole days and minutes; minutes roll over midnight into the date. */
export function shiftWallTime(wall: WallTime, days: number, minutes: number): WallTime {
  const total = minutesOfDay(wall.time) + minutes;
  const dayCarry = Math.floor(total / MINUTES_PER_DAY);
  return {
    date: addDays(wall.date, days + dayCarry),
    time: formatTime(total - dayCarry * MINUTES_PER_DAY),
  };
}
