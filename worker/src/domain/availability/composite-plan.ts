import { normalizeIntervals } from "./intervals";
import { planStaff, type StaffPlan } from "./staff-plan";
import type { CompositeSegmentInput, Interval, ResourceCalendarInput } from "./types";
import { GAP_STEP_MINUTES, MINUTE_MS } from "./units";

/** One composite segment prepared for the search: milliseconds, allowed gaps, planned staff. */
export interface SegmentPlan {
  readonly key: string;
  readonly serviceId: number | undefined;
  readonly durationMs: number;
  /** Allowed gaps after this segment, ascending: gapMin, gapMin + 5 min, … ≤ gapMax. */
  readonly gapsMs: readonly number[];
  readonly busyDuringGap: boolean;
  readonly sameStaffAsPrevious: boolean;
  /** Tried first when qualified and free (see CompositeSegmentInput). */
  readonly preferredStaffId: number | undefined;
  /** Qualified staff, ascending by id. */
  readonly staff: readonly StaffPlan[];
  /** Shortest possible time from this segment's start to the last segment's end. */
  readonly shortestRestMs: number;
}

export interface ResourcePlan {
  readonly resourceId: number;
  readonly busy: readonly Interval[];
}

export function planSegments(inputs: readonly CompositeSegmentInput[]): SegmentPlan[] {
  const plans: SegmentPlan[] = [];
  let shortestRestMs = 0;
  // Built back to front so each segment knows the shortest time the rest can take.
  for (let index = inputs.length - 1; index >= 0; index--) {
    const input = inputs[index]!;
    const last = index === inputs.length - 1;
    const gapsMs = last ? [] : allowedGaps(input.gapAfterMinMinutes, input.gapAfterMaxMinutes);
    const durationMs = input.durationMinutes * MINUTE_MS;
    shortestRestMs += durationMs + (gapsMs[0] ?? 0);
    plans.unshift({
      key: input.key,
      serviceId: input.serviceId,
      durationMs,
      gapsMs,
      busyDuringGap: input.staffBusyDuringGap,
      sameStaffAsPrevious: input.sameStaffAsPrevious,
      preferredStaffId: input.preferredStaffId,
      staff: planStaff(input.staff),
      shortestRestMs,
    });
  }
  return plans;
}

/** The last segment's gap would fall after the appointment has ended, so it is ignored. */
function allowedGaps(minMinutes: number, maxMinutes: number): number[] {
  const gaps: number[] = [];
  if (!Number.isFinite(minMinutes) || !Number.isFinite(maxMinutes)) return gaps;
  for (let gap = minMinutes; gap <= maxMinutes; gap += GAP_STEP_MINUTES) gaps.push(gap * MINUTE_MS);
  return gaps;
}

/** Resources ascending by id (entries sharing an id pool their busy intervals). */
export function planResources(inputs: readonly ResourceCalendarInput[]): ResourcePlan[] {
  const byId = new Map<number, Interval[]>();
  for (const input of inputs)
    byId.set(input.resourceId, [...(byId.get(input.resourceId) ?? []), ...input.busy]);
  return [...byId.entries()]
    .sort(([a], [b]) => a - b)
    .map(([resourceId, busy]) => ({ resourceId, busy: normalizeIntervals(busy) }));
}
