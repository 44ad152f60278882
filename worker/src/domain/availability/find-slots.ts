import { collectDaySlots } from "./day-slots";
import { simpleRule } from "./simple-rule";
import { planStaff } from "./staff-plan";
import type { SimpleQuery, Slot } from "./types";
import { createWorkingWindows } from "./working-windows";
import { createZoneDays } from "./zone-days";

/** Every offered start of one service between two local dates (inclusive), ascending. */
export function findSlots(query: SimpleQuery): Slot[] {
  return collectSlots(query, query.toDate, Number.POSITIVE_INFINITY);
}

/**
 * The first `count` offered starts from `now` up to the advance horizon. Days are evaluated one at
 * a time and the walk stops as soon as enough are found.
 */
export function nextFreeSlots(query: Omit<SimpleQuery, "toDate">, count: number): Slot[] {
  if (!(count > 0)) return [];
  return collectSlots(query, null, count).slice(0, count);
}

function collectSlots(query: Omit<SimpleQuery, "toDate">, toDate: string | null, enough: number): Slot[] {
  const plans = planStaff(query.staff);
  if (plans.length === 0) return [];
  const days = createZoneDays(query.timeZone);
  const rule = simpleRule(days, query.service, query.now, query.fromDate, toDate);
  const working = createWorkingWindows(days);
  const slots: Slot[] = [];
  for (let day = rule.window.firstDay; day <= rule.window.lastDay && slots.length < enough; day++) {
    collectDaySlots(days, working, days.dayAt(day), plans, rule, slots);
  }
  return slots;
}
