/**
 * Local calendar arithmetic for the seed. Wall-clock times are turned into UTC instants with the
 * Worker's own helpers (date-fns-tz fromZonedTime), so DST days come out exactly as the API sees them.
 */
import { localDate, zonedInstant } from "../../worker/src/domain/zoned-time";

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** Length of one calendar_occupancy granule. */
export const GRANULE_MS = 5 * MINUTE_MS;

/** `date` ('YYYY-MM-DD') moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as working_hours.day_of_week. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** Epoch ms of wall-clock `time` ('HH:MM') on local `date` in `timeZone`. */
export function localInstant(date: string, time: string, timeZone: string): number {
  return zonedInstant(date, time, timeZone).getTime();
}

export function todayIn(timeZone: string, now: number): string {
  return localDate(new Date(now), timeZone);
}

/** 'HH:MM' → minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** 'HH:MM' plus `minutes` (same day). */
export function timeAfter(time: string, minutes: number): string {
  const total = minutesOf(time) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

export const iso = (instant: number): string => new Date(instant).toISOString();
