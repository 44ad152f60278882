import { firstEndingAfter, intervalContaining } from "./intervals";
import type { Interval } from "./types";

/**
 * How long a calendar stays usable from `instant`: the end of the working window containing it or
 * the start of the next busy interval, whichever comes first; −∞ when it is not usable at `instant`.
 * [instant, end) fits iff end ≤ this value, which turns "who can take this segment?" into one max.
 */
export function freeUntil(windows: readonly Interval[], busy: readonly Interval[], instant: number): number {
  const window = intervalContaining(windows, instant);
  if (!window) return Number.NEGATIVE_INFINITY;
  return Math.min(window.end, busyFreeUntil(busy, instant));
}

/** As freeUntil for a calendar without working hours (a chair or room): +∞ when nothing follows. */
export function busyFreeUntil(busy: readonly Interval[], instant: number): number {
  const next = busy[firstEndingAfter(busy, instant)];
  if (!next) return Number.POSITIVE_INFINITY;
  return next.start <= instant ? Number.NEGATIVE_INFINITY : next.start;
}
