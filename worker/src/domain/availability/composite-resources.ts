import type { ResourcePlan } from "./composite-plan";
import { busyFreeUntil } from "./free-until";
import type { Interval } from "./types";

/**
 * The latest end any resource allows for a composite starting at `start`: +∞ when no resource is
 * required, −∞ when one is required and none is free at `start`.
 */
export function resourceLimit(resources: readonly ResourcePlan[] | null, start: number): number {
  if (resources === null) return Number.POSITIVE_INFINITY;
  let limit = Number.NEGATIVE_INFINITY;
  for (const resource of resources) limit = Math.max(limit, busyFreeUntil(resource.busy, start));
  return limit;
}

/** The lowest-id resource free over all of [start, end), so the same chair serves every segment. */
export function pickResource(
  resources: readonly ResourcePlan[],
  start: number,
  end: number,
): number | undefined {
  return resources.find((resource) => isFreeOver(resource.busy, start, end))?.resourceId;
}

/** Whether a calendar without working hours (busy: ascending, merged) is free over all of [start, end). */
export function isFreeOver(busy: readonly Interval[], start: number, end: number): boolean {
  return busyFreeUntil(busy, start) >= end;
}
