import { dateOfEpochDay, dayOfWeekOf } from "./calendar-date";
import { DAY_MS } from "./units";
import { offsetAt } from "./zone-offset";

/** A stretch of instants over which the zone's UTC offset is constant. */
export interface OffsetPiece {
  readonly start: number;
  readonly end: number;
  /** Wall-clock time minus instant, in ms. */
  readonly offset: number;
}

/**
 * One local calendar day in instant space: [start, end) is 24 hours on ordinary days, 23 or 25 on
 * DST change days. `pieces` splits it where the offset changes, which is what lets the slot grid be
 * enumerated in instant space without skipping or repeating a start.
 */
export interface LocalDay {
  readonly date: string;
  readonly epochDay: number;
  readonly dayOfWeek: number;
  readonly start: number;
  readonly end: number;
  /** The date's midnight read as if it were UTC; wall time = instant + offset − wallBase. */
  readonly wallBase: number;
  readonly pieces: readonly OffsetPiece[];
  /** One offset all day long: wall-clock minutes map to instants by plain addition. */
  readonly regular: boolean;
}

const SECOND_MS = 1_000;
/** Real zones change offset at most twice a day; the bound only guarantees termination. */
const MAX_PIECES = 4;

export function buildLocalDay(timeZone: string, epochDay: number, start: number, end: number): LocalDay {
  const regular = end - start === DAY_MS;
  const wallBase = epochDay * DAY_MS;
  const pieces = regular ? [{ start, end, offset: wallBase - start }] : offsetPieces(timeZone, start, end);
  return {
    date: dateOfEpochDay(epochDay),
    epochDay,
    dayOfWeek: dayOfWeekOf(epochDay),
    start,
    end,
    wallBase,
    pieces,
    regular,
  };
}

/**
 * Splits [start, end) where the offset changes, finding each change by bisection on whole seconds
 * (zone transitions happen on whole seconds). Only DST days get here, so the ~17 probes are cheap.
 */
function offsetPieces(timeZone: string, start: number, end: number): OffsetPiece[] {
  const pieces: OffsetPiece[] = [];
  let from = start;
  let offset = offsetAt(timeZone, from);
  const lastSecond = end - SECOND_MS;
  while (pieces.length < MAX_PIECES - 1 && offsetAt(timeZone, lastSecond) !== offset) {
    let same = from;
    let changed = lastSecond;
    while (changed - same > SECOND_MS) {
      const middle = same + Math.floor((changed - same) / (2 * SECOND_MS)) * SECOND_MS;
      if (offsetAt(timeZone, middle) === offset) same = middle;
      else changed = middle;
    }
    pieces.push({ start: from, end: changed, offset });
    from = changed;
    offset = offsetAt(timeZone, from);
  }
  pieces.push({ start: from, end, offset });
  return pieces;
}

/** Wall-clock ms after the day's local midnight at `instant` (instants past the end extrapolate). */
export function wallMsOf(day: LocalDay, instant: number): number {
  const pieces = day.pieces;
  let piece = pieces[pieces.length - 1]!;
  for (const candidate of pieces) {
    if (instant < candidate.end) {
      piece = candidate;
      break;
    }
  }
  return instant + piece.offset - day.wallBase;
}
