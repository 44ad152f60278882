import type { Interval } from "./types";

/**
 * Sorted, disjoint interval lists. After normalising, ends ascend as well as starts, so "is [a, b)
 * free?" is one binary search: the first interval ending after a must not start before b.
 */

/**
 * `list` without empty intervals, sorted, with overlapping or touching ones merged. A list that is
 * already in that shape (the usual case: rows come ordered by start) is returned as is, so a call
 * over a busy salon does not copy thousands of intervals.
 */
export function normalizeIntervals(list: readonly Interval[]): readonly Interval[] {
  return isNormalized(list) ? list : normalizedCopy(list);
}

function isNormalized(list: readonly Interval[]): boolean {
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const interval of list) {
    if (interval.end <= interval.start || interval.start <= previousEnd) return false;
    previousEnd = interval.end;
  }
  return true;
}

function normalizedCopy(list: readonly Interval[]): Interval[] {
  const kept = list.filter((interval) => interval.end > interval.start);
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const interval of kept) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) merged[merged.length - 1] = { start: last.start, end: interval.end };
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

/** Index of the first interval of a normalised list that ends after `instant` (length if none). */
export function firstEndingAfter(sorted: readonly Interval[], instant: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.end > instant) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Whether [start, end) overlaps an interval of a normalised list. */
export function overlapsAny(sorted: readonly Interval[], start: number, end: number): boolean {
  const next = sorted[firstEndingAfter(sorted, start)];
  return next !== undefined && next.start < end;
}

/** The interval of a normalised list that contains `instant`, if any. */
export function intervalContaining(sorted: readonly Interval[], instant: number): Interval | undefined {
  const candidate = sorted[firstEndingAfter(sorted, instant)];
  return candidate !== undefined && candidate.start <= instant ? candidate : undefined;
}

/** Index of the first value ≥ `target` in an ascending list. */
export function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first value > `target` in an ascending list. */
export function upperBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}
