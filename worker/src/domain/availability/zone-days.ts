import { zonedInstant } from "../zoned-time";
import { epochDayOf } from "./calendar-date";
import { clockLabel } from "./clock-time";
import { buildLocalDay, type LocalDay } from "./local-day";
import { DAY_MS, MINUTE_MS, MINUTES_PER_DAY } from "./units";
import { localDateAt, offsetAt } from "./zone-offset";

/**
 * Cache of local days in one zone: each day's bounds, offset pieces, wall-clock conversions and
 * slot grids are computed once, whatever the number of staff. They depend only on the zone's
 * rules, which do not change while an isolate lives, so each zone's cache is shared by every call
 * of the isolate (reading an offset goes through ICU and costs microseconds; an answer over a week
 * read hundreds of them).
 */
export interface ZoneDays {
  readonly timeZone: string;
  dayAt(epochDay: number): LocalDay;
  day(date: string): LocalDay;
  /** Instant of a wall-clock time (minutes after midnight, 1440 = the day's end) on `day`. */
  instantAt(day: LocalDay, minutes: number): number;
  /** Every instant of `day` whose local wall-clock time is a multiple of `stepMinutes`, ascending. */
  grid(day: LocalDay, stepMinutes: number): readonly number[];
  localDateAt(instant: number): string;
}

/** Zones with cached days, each emptied once it holds this many days (a bound, not a tuning knob). */
const shared = new Map<string, { zoneDays: ZoneDays; size(): number }>();
const MAX_CACHED_DAYS = 4_000;

/** The isolate's cache of local days in `timeZone` (see ZoneDays). */
export function createZoneDays(timeZone: string): ZoneDays {
  let entry = shared.get(timeZone);
  if (!entry || entry.size() > MAX_CACHED_DAYS) {
    entry = buildZoneDays(timeZone);
    shared.set(timeZone, entry);
  }
  return entry.zoneDays;
}

function buildZoneDays(timeZone: string): { zoneDays: ZoneDays; size(): number } {
  const midnights = new Map<number, number>();
  const days = new Map<number, LocalDay>();
  const dstConversions = new Map<string, number>();
  const grids = new Map<number, Map<number, number[]>>();

  const midnightOf = (epochDay: number): number => {
    let instant = midnights.get(epochDay);
    if (instant === undefined) {
      instant = localMidnight(timeZone, epochDay);
      midnights.set(epochDay, instant);
    }
    return instant;
  };

  const dayAt = (epochDay: number): LocalDay => {
    let day = days.get(epochDay);
    if (!day) {
      // The next day's midnight is this day's end: shared, so neighbouring days never gap or overlap.
      day = buildLocalDay(timeZone, epochDay, midnightOf(epochDay), midnightOf(epochDay + 1));
      days.set(epochDay, day);
    }
    return day;
  };

  const instantAt = (day: LocalDay, minutes: number): number => {
    if (day.regular) return day.start + minutes * MINUTE_MS;
    if (minutes >= MINUTES_PER_DAY) return day.end;
    // DST days: zoned-time decides what nonexistent and repeated wall times mean, so the engine
    // agrees with the rest of the Worker. Clamped so a window never leaves its own day.
    const key = `${day.epochDay}/${minutes}`;
    let instant = dstConversions.get(key);
    if (instant === undefined) {
      instant = zonedInstant(day.date, clockLabel(minutes), timeZone).getTime();
      instant = Math.min(Math.max(instant, day.start), day.end);
      dstConversions.set(key, instant);
    }
    return instant;
  };

  const grid = (day: LocalDay, stepMinutes: number): readonly number[] => {
    let byDay = grids.get(stepMinutes);
    if (!byDay) {
      byDay = new Map();
      grids.set(stepMinutes, byDay);
    }
    let starts = byDay.get(day.epochDay);
    if (!starts) {
      starts = wallClockGrid(day, stepMinutes * MINUTE_MS);
      byDay.set(day.epochDay, starts);
    }
    return starts;
  };

  const zoneDays: ZoneDays = {
    timeZone,
    dayAt,
    day: (date) => dayAt(epochDayOf(date)),
    instantAt,
    grid,
    localDateAt: (instant) => localDateAt(timeZone, instant),
  };
  return { zoneDays, size: () => midnights.size + dstConversions.size };
}

/**
 * First instant of a local date. Two offset probes settle it on ordinary days; near a change the
 * second guess wins when it reads back consistently, else midnight falls in a gap and the day begins
 * at the later candidate (the change itself).
 */
function localMidnight(timeZone: string, epochDay: number): number {
  const wall = epochDay * DAY_MS;
  const first = wall - offsetAt(timeZone, wall);
  const offset = offsetAt(timeZone, first);
  const second = wall - offset;
  if (second === first || offsetAt(timeZone, second) === offset) return second;
  return Math.max(first, second);
}

/** Starts on the local wall-clock grid, walked per constant-offset piece so none repeats or is skipped. */
function wallClockGrid(day: LocalDay, stepMs: number): number[] {
  const starts: number[] = [];
  for (const piece of day.pieces) {
    const wallAtStart = piece.start + piece.offset - day.wallBase;
    const remainder = ((wallAtStart % stepMs) + stepMs) % stepMs;
    const first = remainder === 0 ? piece.start : piece.start + (stepMs - remainder);
    for (let instant = first; instant < piece.end; instant += stepMs) starts.push(instant);
  }
  return starts;
}
