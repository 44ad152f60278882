import { DAY_MS } from "./units";

/**
 * Calendar dates as integer day numbers (days since 1970-01-01), so day loops are integer loops and
 * the day of week is arithmetic rather than a Date object per day.
 */

/** Day number of a 'YYYY-MM-DD' date. */
export function epochDayOf(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOfEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export function dayOfWeekOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}
