import type { SegmentPlan } from "./composite-plan";
import { freeUntil } from "./free-until";
import { normalizeIntervals } from "./intervals";
import type { LocalDay } from "./local-day";
import type { StaffPlan } from "./staff-plan";
import type { Interval } from "./types";
import type { WorkingWindows } from "./working-windows";
import type { ZoneDays } from "./zone-days";

/** Staff availability for composites that start on one local day, memoised per start instant. */
export interface CompositeDay {
  /** How long `plan` stays working and free from `instant`. */
  staffFreeUntil(plan: StaffPlan, instant: number): number;
  /** The best staffFreeUntil among segment `index`'s qualified staff. */
  segmentFreeUntil(index: number, instant: number): number;
}

export function createCompositeDay(
  days: ZoneDays,
  working: WorkingWindows,
  day: LocalDay,
  segments: readonly SegmentPlan[],
): CompositeDay {
  const next = days.dayAt(day.epochDay + 1);
  const windows = new Map<StaffPlan, readonly Interval[]>();
  const memos = segments.map(() => new Map<number, number>());

  const windowsOf = (plan: StaffPlan): readonly Interval[] => {
    let list = windows.get(plan);
    if (!list) {
      // Later segments may run past midnight, so the next day's hours count too.
      list = normalizeIntervals([...working.on(plan, day), ...working.on(plan, next)]);
      windows.set(plan, list);
    }
    return list;
  };

  const staffFreeUntil = (plan: StaffPlan, instant: number): number =>
    freeUntil(windowsOf(plan), plan.busy, instant);

  const segmentFreeUntil = (index: number, instant: number): number => {
    const memo = memos[index];
    const segment = segments[index];
    if (!memo || !segment) return Number.NEGATIVE_INFINITY;
    let best = memo.get(instant);
    if (best === undefined) {
      best = Number.NEGATIVE_INFINITY;
      for (const plan of segment.staff) best = Math.max(best, staffFreeUntil(plan, instant));
      memo.set(instant, best);
    }
    return best;
  };

  return { staffFreeUntil, segmentFreeUntil };
}
