import { bookingWindow } from "./booking-window";
import type { TimedSegment } from "./composite-chain";
import { createChainFinder } from "./composite-chain";
import { createCompositeDay } from "./composite-day";
import { planResources, planSegments, type SegmentPlan } from "./composite-plan";
import { pickResource, resourceLimit } from "./composite-resources";
import { assignStaff } from "./composite-staffing";
import { lowerBound, upperBound } from "./intervals";
import { endLabel, startLabel } from "./slot-labels";
import type { CompositeQuery, CompositeSegmentSlot, CompositeSlot } from "./types";
import { createWorkingWindows } from "./working-windows";
import { createZoneDays } from "./zone-days";

/**
 * Offered starts of a composite service (ordered segments with gaps, optional shared resource)
 * between two local dates, ascending, at most `limit`. One slot per start: the earliest feasible
 * timing, then staff by preference and id, then the lowest-id free resource.
 */
export function findCompositeSlots(query: CompositeQuery, limit = Number.POSITIVE_INFINITY): CompositeSlot[] {
  if (!(limit > 0) || query.segments.length === 0) return [];
  const days = createZoneDays(query.timeZone);
  const window = bookingWindow(days, query);
  const segments = planSegments(query.segments);
  const resources = query.resources === undefined ? null : planResources(query.resources);
  const working = createWorkingWindows(days);
  const slots: CompositeSlot[] = [];
  for (let epochDay = window.firstDay; epochDay <= window.lastDay && slots.length < limit; epochDay++) {
    const day = days.dayAt(epochDay);
    const grid = days.grid(day, window.stepMinutes);
    const to = upperBound(grid, window.latest);
    const compositeDay = createCompositeDay(days, working, day, segments);
    const chains = createChainFinder(segments, compositeDay);
    for (let i = lowerBound(grid, window.earliest); i < to && slots.length < limit; i++) {
      const start = grid[i]!;
      const latestEnd = resourceLimit(resources, start);
      if (latestEnd <= start) continue;
      const timed = chains.chain(start, latestEnd);
      if (!timed) continue;
      const staffIds = assignStaff(segments, timed, compositeDay);
      if (!staffIds) continue;
      const end = timed[timed.length - 1]!.end;
      const slot: CompositeSlot = {
        start,
        end,
        date: day.date,
        localStart: startLabel(day, start),
        localEnd: endLabel(days, day, end),
        segments: segmentSlots(segments, timed, staffIds),
      };
      if (resources) slot.resourceId = pickResource(resources, start, end);
      slots.push(slot);
    }
  }
  return slots;
}

function segmentSlots(
  segments: readonly SegmentPlan[],
  timed: readonly TimedSegment[],
  staffIds: readonly number[],
): CompositeSegmentSlot[] {
  return segments.map((segment, index) => {
    const time = timed[index]!;
    const staffId = staffIds[index]!;
    return segment.serviceId === undefined
      ? { key: segment.key, staffId, start: time.start, end: time.end }
      : { key: segment.key, serviceId: segment.serviceId, staffId, start: time.start, end: time.end };
  });
}
