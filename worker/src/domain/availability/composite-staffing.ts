import type { TimedSegment } from "./composite-chain";
import type { CompositeDay } from "./composite-day";
import type { SegmentPlan } from "./composite-plan";
import type { StaffPlan } from "./staff-plan";

interface Occupation {
  readonly staffId: number;
  readonly start: number;
  readonly until: number;
}

/**
 * Staff for timed segments: the segment's preferred staff member first (the one it had), then the
 * previous segment's staff member when the segment asks for it, otherwise (or if they cannot) the
 * lowest id who is working and free for the segment (and its gap when busy during it) and not
 * already occupied by this composite at an overlapping time.
 * Returns one staff id per segment, or null when some segment cannot be staffed.
 */
export function assignStaff(
  segments: readonly SegmentPlan[],
  timed: readonly TimedSegment[],
  day: CompositeDay,
): number[] | null {
  const occupied: Occupation[] = [];
  const staffIds: number[] = [];
  let previous: number | null = null;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const time = timed[index]!;
    const fits = (plan: StaffPlan): boolean =>
      day.staffFreeUntil(plan, time.start) >= time.occupiedUntil &&
      !occupied.some(
        (other) =>
          other.staffId === plan.staffId && other.start < time.occupiedUntil && time.start < other.until,
      );
    const previousId: number | null = previous;
    const own: StaffPlan | undefined =
      segment.preferredStaffId === undefined
        ? undefined
        : segment.staff.find((plan) => plan.staffId === segment.preferredStaffId);
    const preferred: StaffPlan | undefined =
      segment.sameStaffAsPrevious && previousId !== null
        ? segment.staff.find((plan) => plan.staffId === previousId)
        : undefined;
    const chosen: StaffPlan | undefined =
      own && fits(own) ? own : preferred && fits(preferred) ? preferred : segment.staff.find(fits);
    if (!chosen) return null;
    occupied.push({ staffId: chosen.staffId, start: time.start, until: time.occupiedUntil });
    staffIds.push(chosen.staffId);
    previous = chosen.staffId;
  }
  return staffIds;
}
