import { offsetAt } from "../availability/zone-offset";
import type { WallTime } from "./local-calendar";

/**
 * Wall-clock ↔ instant in an IANA zone with explicit rules for the two DST edge cases (offsets
 * from the engine's cached ICU formatter, see zone-offset.ts):
 *
 * - Repeated time (autumn, 02:30 happens twice): the first one, i.e. when clocks first show it.
 * - Missing time (spring gap, 02:00–02:59 in Berlin): the first existing minute after it (03:00),
 *   reported as `shifted` so callers can tell the customer.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` in `timeZone` (to the minute). */
export function wallOf(instant: number, timeZone: string): WallTime {
  const text = new Date(instant + offsetAt(timeZone, instant)).toISOString();
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}

const key = (wall: WallTime) => `${wall.date} ${wall.time}`;

export function resolveWallTime(wall: WallTime, timeZone: string): { instant: number; shifted: boolean } {
  const wanted = key(wall);
  const asUtc = Date.parse(`${wall.date}T${wall.time}:00Z`);
  if (Number.isNaN(asUtc)) throw new RangeError(`Invalid wall time: ${wanted}`);
  // The offsets in force a day either side cover any transition near this wall time (an unknown
  // zone throws a RangeError from Intl here).
  const offsets = [-DAY_MS, 0, DAY_MS].map((d) => offsetAt(timeZone, asUtc + d));
  const candidates = [...new Set(offsets)].map((offset) => asUtc - offset).sort((a, b) => a - b);
  const exact = candidates.find((instant) => key(wallOf(instant, timeZone)) === wanted);
  if (exact !== undefined) return { instant: exact, shifted: false };

  // In the gap: read with the later (larger) offset the instant lies before the transition, with the
  // earlier offset after it. Binary search for the first minute whose wall clock has passed `wanted`.
  const earliest = candidates[0];
  const latest = candidates[candidates.length - 1];
  if (earliest === undefined || latest === undefined || earliest >= latest) {
    throw new RangeError(`Cannot resolve ${wanted} in ${timeZone}`);
  }
  let before = earliest;
  let after = latest;
  while (after - before > MINUTE_MS) {
    const mid = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
    if (key(wallOf(mid, timeZone)) >= wanted) after = mid;
    else before = mid;
  }
  return { instant: after, shifted: true };
}
