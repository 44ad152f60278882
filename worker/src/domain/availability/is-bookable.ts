import { intervalContaining, overlapsAny } from "./intervals";
import { wallMsOf } from "./local-day";
import { simpleRule } from "./simple-rule";
import { planStaff } from "./staff-plan";
import type { SimpleQuery } from "./types";
import { MINUTE_MS } from "./units";
import { createWorkingWindows } from "./working-windows";
import { createZoneDays } from "./zone-days";

/**
 * Whether findSlots would offer `start` for `staffId`: the same rule checked for one start
 * directly (used to verify a requested time without enumerating the day).
 */
export function isBookable(query: SimpleQuery, staffId: number, start: number): boolean {
  const days = createZoneDays(query.timeZone);
  const rule = simpleRule(days, query.service, query.now, query.fromDate, query.toDate);
  const { earliest, latest, firstDay, lastDay, stepMinutes } = rule.window;
  if (start < earliest || start > latest) return false;
  const day = days.day(days.localDateAt(start));
  if (day.epochDay < firstDay || day.epochDay > lastDay) return false;
  const stepMs = stepMinutes * MINUTE_MS;
  if (((wallMsOf(day, start) % stepMs) + stepMs) % stepMs !== 0) return false;
  const [plan] = planStaff(query.staff.filter((staff) => staff.staffId === staffId));
  if (!plan) return false;
  const blockedStart = start - rule.beforeMs;
  const blockedEnd = start + rule.durationMs + rule.afterMs;
  const window = intervalContaining(createWorkingWindows(days).on(plan, day), blockedStart);
  return (
    window !== undefined && blockedEnd <= window.end && !overlapsAny(plan.busy, blockedStart, blockedEnd)
  );
}
