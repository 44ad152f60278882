import { normalizeIntervals } from "./intervals";
import type { LocalDay } from "./local-day";
import { planStaff, type Shift, type StaffPlan } from "./staff-plan";
import type { Interval, StaffCalendarInput } from "./types";
import { createZoneDays, type ZoneDays } from "./zone-days";

/**
 * Working windows per staff member and local day, as sorted disjoint instants: the staff member's
 * own override for the date, else the branch-wide one, else the weekly rows valid on it (each minus
 * its break). Rows that overlap or touch are united, so a slot may run across a split shift's seam.
 *
 * Staff of one branch mostly share rosters, so windows are cached per call by day and rule
 * content: thirty staff on the same hours cost one conversion, not thirty.
 */
export interface WorkingWindows {
  on(plan: StaffPlan, day: LocalDay): readonly Interval[];
}

const NO_WINDOWS: readonly Interval[] = [];

export function createWorkingWindows(days: ZoneDays): WorkingWindows {
  const cache = new Map<number, Map<string, readonly Interval[]>>();
  const cached = (day: LocalDay, key: string): readonly Interval[] | undefined =>
    cache.get(day.epochDay)?.get(key);
  const remember = (day: LocalDay, key: string, windows: readonly Interval[]): readonly Interval[] => {
    let byKey = cache.get(day.epochDay);
    if (!byKey) {
      byKey = new Map();
      cache.set(day.epochDay, byKey);
    }
    byKey.set(key, windows);
    return windows;
  };
  return {
    on(plan, day) {
      const override = plan.ownOverrides.get(day.date) ?? plan.branchOverrides.get(day.date);
      if (override) {
        if (override.closed) return NO_WINDOWS;
        return (
          cached(day, override.key) ?? remember(day, override.key, shiftWindows(override.shifts, day, days))
        );
      }
      const weekly = plan.weekly[day.dayOfWeek];
      if (!weekly || weekly.shifts.length === 0) return NO_WINDOWS;
      const hit = cached(day, weekly.key);
      if (hit) return hit;
      const valid = weekly.shifts.filter(
        (row) =>
          (row.validFrom === null || row.validFrom <= day.date) &&
          (row.validUntil === null || day.date <= row.validUntil),
      );
      return remember(day, weekly.key, shiftWindows(valid, day, days));
    },
  };
}

function shiftWindows(shifts: readonly Shift[], day: LocalDay, days: ZoneDays): readonly Interval[] {
  if (shifts.length === 0) return NO_WINDOWS;
  const windows: Interval[] = [];
  for (const shift of shifts) {
    const start = days.instantAt(day, shift.start);
    const end = days.instantAt(day, shift.end);
    if (shift.breakStart === null || shift.breakEnd === null) {
      windows.push({ start, end });
      continue;
    }
    const breakStart = days.instantAt(day, shift.breakStart);
    const breakEnd = days.instantAt(day, shift.breakEnd);
    windows.push({ start, end: Math.min(end, breakStart) }, { start: Math.max(start, breakEnd), end });
  }
  return normalizeIntervals(windows);
}

/** One staff member's working windows on one local date. */
export function workingWindows(staff: StaffCalendarInput, date: string, timeZone: string): Interval[] {
  const days = createZoneDays(timeZone);
  const [plan] = planStaff([staff]);
  return plan ? [...createWorkingWindows(days).on(plan, days.day(date))] : [];
}
