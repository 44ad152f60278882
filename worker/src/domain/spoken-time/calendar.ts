import { addDays, daysBetween } from "../recurrence/local-calendar";
import { localDate, localTime } from "../zoned-time";
import type { DateParts, SpokenTimeContext, Weekday } from "./types";

/**
 * Plain-calendar arithmetic for the parser: local dates 'YYYY-MM-DD' and minutes after midnight.
 * Only `todayOf`/`nowMinutesOf` look at the time zone; everything after that is zone-free, so a DST
 * change cannot move a day.
 */

export { addDays, daysBetween };

export const MINUTES_PER_DAY = 1440;
export const HALF_DAY_MINUTES = 720;

const DEFAULT_BUSINESS_HOURS = { open: "07:00", close: "20:00" };

/** The caller's local date at the call's start. */
export function todayOf(ctx: SpokenTimeContext): string {
  return localDate(new Date(ctx.now), ctx.timeZone);
}

/** Minutes after local midnight at the call's start. */
export function nowMinutesOf(ctx: SpokenTimeContext): number {
  return minutesOf(localTime(new Date(ctx.now), ctx.timeZone));
}

/** 'YYYY-MM-DD' of a day, or null when that day does not exist (31 February, month 13). */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over into March; the day of month then differs.
  if (date.getUTCDate() !== day) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function weekdayOf(date: string): Weekday {
  const sundayFirst = new Date(`${date}T12:00:00Z`).getUTCDay();
  return ((sundayFirst + 6) % 7) as Weekday;
}

export function datePartsOf(date: string, withYear: boolean): DateParts {
  return {
    weekday: weekdayOf(date),
    day: Number(date.slice(8, 10)),
    month: Number(date.slice(5, 7)),
    year: withYear ? Number(date.slice(0, 4)) : null,
  };
}

/** The first `weekday` strictly after `date` (1–7 days later). */
export function nextWeekdayAfter(date: string, weekday: Weekday): string {
  const ahead = ((weekday - weekdayOf(date) + 6) % 7) + 1;
  return addDays(date, ahead);
}

/** The Monday of the ISO week `weeksAhead` weeks after the one containing `date`. */
export function mondayOf(date: string, weeksAhead: number): string {
  return addDays(date, weeksAhead * 7 - weekdayOf(date));
}

const pad2 = (value: number): string => String(value).padStart(2, "0");

/** 'HH:MM' of minutes after midnight (0 … 1439). */
export function clockOf(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Minutes after midnight of 'HH:MM' ("24:00" → 1440). Throws on anything else: only for trusted values. */
export function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  if (time === "24:00") return MINUTES_PER_DAY;
  throw new RangeError(`Invalid time: ${time}`);
}

/** [open, close) in minutes after midnight; a context with nonsense hours is a programming error. */
export function businessHoursOf(ctx: SpokenTimeContext): { open: number; close: number } {
  const hours = ctx.businessHours ?? DEFAULT_BUSINESS_HOURS;
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  if (close <= open) {
    throw new RangeError(`Business hours must close after they open: ${hours.open}–${hours.close}`);
  }
  return { open, close };
}
