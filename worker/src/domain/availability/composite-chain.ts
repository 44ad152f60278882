import type { CompositeDay } from "./composite-day";
import type { SegmentPlan } from "./composite-plan";

/** When a segment runs and until when it occupies its staff member (its gap too, if busy during it). */
export interface TimedSegment {
  readonly start: number;
  readonly end: number;
  readonly occupiedUntil: number;
}

/**
 * Chooses segment times for composites. Which staff member takes a segment does not change whether
 * the rest can be scheduled (with gaps ≥ 0 segments are sequential, so nobody is needed twice at
 * once), so times are searched first and staff assigned afterwards; assignStaff still re-checks.
 * minEnd(i, t), the earliest the appointment can end when segment i starts at t, is memoised:
 * starts of one day share most of their sub-problems, which keeps the search linear in practice.
 */
export interface ChainFinder {
  /** The earliest-gap-first timing from `start` that ends by `latestEnd`, or null. */
  chain(start: number, latestEnd: number): TimedSegment[] | null;
}

export function createChainFinder(segments: readonly SegmentPlan[], day: CompositeDay): ChainFinder {
  const lastIndex = segments.length - 1;
  const memos = segments.map(() => new Map<number, number>());

  const minEnd = (index: number, start: number): number => {
    const memo = memos[index]!;
    const known = memo.get(start);
    if (known !== undefined) return known;
    const segment = segments[index]!;
    const free = day.segmentFreeUntil(index, start);
    const end = start + segment.durationMs;
    let best = Number.POSITIVE_INFINITY;
    if (end <= free) {
      if (index === lastIndex) best = end;
      else {
        const restMs = segments[index + 1]!.shortestRestMs;
        for (const gap of segment.gapsMs) {
          if (segment.busyDuringGap && end + gap > free) break;
          // No later gap can end sooner than this bound, so stop once it is reached.
          if (best <= end + gap + restMs) break;
          best = Math.min(best, minEnd(index + 1, end + gap));
        }
      }
    }
    memo.set(start, best);
    return best;
  };

  const chain = (first: number, latestEnd: number): TimedSegment[] | null => {
    if (!endsBy(minEnd(0, first), latestEnd)) return null;
    const timed: TimedSegment[] = [];
    let start = first;
    for (let index = 0; index <= lastIndex; index++) {
      const segment = segments[index]!;
      const end = start + segment.durationMs;
      if (index === lastIndex) {
        timed.push({ start, end, occupiedUntil: end });
        break;
      }
      const free = day.segmentFreeUntil(index, start);
      // minEnd(index, start) ≤ latestEnd guarantees one of these gaps continues to a full chain.
      const gap = segment.gapsMs.find(
        (candidate) =>
          (!segment.busyDuringGap || end + candidate <= free) &&
          endsBy(minEnd(index + 1, end + candidate), latestEnd),
      );
      if (gap === undefined) return null;
      timed.push({ start, end, occupiedUntil: segment.busyDuringGap ? end + gap : end });
      start = end + gap;
    }
    return timed;
  };

  return { chain };
}

/** +∞ marks "cannot be scheduled", so it never fits, not even under an unbounded limit. */
function endsBy(end: number, latestEnd: number): boolean {
  return end < Number.POSITIVE_INFINITY && end <= latestEnd;
}
