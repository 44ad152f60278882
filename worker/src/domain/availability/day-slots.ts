import { lowerBound, upperBound } from "./intervals";
import type { LocalDay } from "./local-day";
import type { SimpleRule } from "./simple-rule";
import { endLabel, startLabel } from "./slot-labels";
import type { StaffPlan } from "./staff-plan";
import type { Interval, Slot } from "./types";
import type { WorkingWindows } from "./working-windows";
import type { ZoneDays } from "./zone-days";

/**
 * Appends the slots of one local day to `out`, ascending by start. Each staff member's grid starts
 * are swept once, window by window, with a single forward pointer into their busy list; the free
 * ones are collected per grid position, so merging "any staff" costs nothing extra.
 */
export function collectDaySlots(
  days: ZoneDays,
  working: WorkingWindows,
  day: LocalDay,
  plans: readonly StaffPlan[],
  rule: SimpleRule,
  out: Slot[],
): void {
  const grid = days.grid(day, rule.window.stepMinutes);
  const from = lowerBound(grid, rule.window.earliest);
  const to = upperBound(grid, rule.window.latest);
  if (from >= to) return;
  const freeStaff: (number[] | undefined)[] = new Array(to - from);
  for (const plan of plans) {
    markFreeStarts(plan, working.on(plan, day), grid, from, to, rule, freeStaff);
  }
  for (let i = from; i < to; i++) {
    const staffIds = freeStaff[i - from];
    if (!staffIds) continue;
    const start = grid[i]!;
    const end = start + rule.durationMs;
    out.push({
      start,
      end,
      date: day.date,
      localStart: startLabel(day, start),
      localEnd: endLabel(days, day, end),
      staffIds,
    });
  }
}

/** Adds `plan.staffId` to every grid position in [from, to) whose blocked interval fits and is free. */
function markFreeStarts(
  plan: StaffPlan,
  windows: readonly Interval[],
  grid: readonly number[],
  from: number,
  to: number,
  rule: SimpleRule,
  freeStaff: (number[] | undefined)[],
): void {
  const busy = plan.busy;
  const { beforeMs, durationMs, afterMs } = rule;
  let next = 0;
  for (const window of windows) {
    const lastStart = window.end - durationMs - afterMs;
    for (let i = Math.max(from, lowerBound(grid, window.start + beforeMs)); i < to; i++) {
      const start = grid[i]!;
      if (start > lastStart) break;
      const blockedStart = start - beforeMs;
      // Blocked starts only grow, so the pointer never moves back (busy ends ascend once merged).
      while (next < busy.length && busy[next]!.end <= blockedStart) next++;
      const conflict = busy[next];
      if (conflict !== undefined && conflict.start < start + durationMs + afterMs) {
        // Jump past the conflict: every start before this one would still overlap it.
        i = Math.max(i, lowerBound(grid, conflict.end + beforeMs) - 1);
        continue;
      }
      const staffIds = freeStaff[i - from];
      if (staffIds) staffIds.push(plan.staffId);
      else freeStaff[i - from] = [plan.staffId];
    }
  }
}
