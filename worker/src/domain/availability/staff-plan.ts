import { parseClockTime } from "./clock-time";
import { normalizeIntervals } from "./intervals";
import type { DateOverride, Interval, StaffCalendarInput, WeeklyHours } from "./types";

/** One working stretch in wall-clock minutes after midnight, with an optional break inside it. */
export interface Shift {
  readonly start: number;
  readonly end: number;
  readonly breakStart: number | null;
  readonly breakEnd: number | null;
}

export interface WeeklyShift extends Shift {
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

/** What the overrides for one date say. */
export interface OverrideRule {
  readonly closed: boolean;
  readonly shifts: readonly Shift[];
  /** Identifies the content, so staff with the same rule share one window computation. */
  readonly key: string;
}

/** One weekday's available rows. */
export interface WeeklyRule {
  readonly shifts: readonly WeeklyShift[];
  /** Identifies the content (order-independent), so identical rosters share window computations. */
  readonly key: string;
}

/**
 * A staff member's calendar prepared once per call: rows parsed to minutes and grouped by weekday,
 * overrides indexed by date, busy intervals sorted and merged. Everything later is lookups.
 */
export interface StaffPlan {
  readonly staffId: number;
  /** Available weekly rows per day of week (0 = Sunday). */
  readonly weekly: readonly WeeklyRule[];
  readonly ownOverrides: ReadonlyMap<string, OverrideRule>;
  readonly branchOverrides: ReadonlyMap<string, OverrideRule>;
  readonly busy: readonly Interval[];
}

/**
 * Plans for a staff list, ascending by id. Entries sharing an id are combined (rows, overrides and
 * busy intervals pooled), so neither input order nor accidental duplicates change the result.
 */
export function planStaff(inputs: readonly StaffCalendarInput[]): StaffPlan[] {
  const byId = new Map<number, StaffCalendarInput[]>();
  for (const input of inputs) {
    const group = byId.get(input.staffId);
    if (group) group.push(input);
    else byId.set(input.staffId, [input]);
  }
  return [...byId.entries()]
    .sort(([a], [b]) => a - b)
    .map(([staffId, group]) =>
      group.length === 1
        ? planOne(group[0]!)
        : planOne({
            staffId,
            weeklyHours: group.flatMap((input) => input.weeklyHours),
            overrides: group.flatMap((input) => input.overrides),
            busy: group.flatMap((input) => input.busy),
          }),
    );
}

function planOne(input: StaffCalendarInput): StaffPlan {
  const byDay: WeeklyShift[][] = [[], [], [], [], [], [], []];
  for (const row of input.weeklyHours) {
    if (!row.isAvailable) continue;
    byDay[row.dayOfWeek]?.push(weeklyShift(row));
  }
  const weekly = byDay.map((shifts): WeeklyRule => ({ shifts, key: `w${rowsKey(shifts)}` }));
  const ownOverrides = new Map<string, OverrideRule>();
  const branchOverrides = new Map<string, OverrideRule>();
  for (const override of input.overrides) {
    // Overrides of other staff members are not this calendar's business.
    if (override.staffId === input.staffId) addOverride(ownOverrides, override);
    else if (override.staffId === null) addOverride(branchOverrides, override);
  }
  return {
    staffId: input.staffId,
    weekly,
    ownOverrides,
    branchOverrides,
    busy: normalizeIntervals(input.busy),
  };
}

function weeklyShift(row: WeeklyHours): WeeklyShift {
  return {
    ...shift(row.startTime, row.endTime, row.breakStart, row.breakEnd),
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}

function shift(
  startTime: string,
  endTime: string,
  breakStart: string | null,
  breakEnd: string | null,
): Shift {
  const hasBreak = breakStart !== null && breakEnd !== null;
  return {
    start: parseClockTime(startTime),
    end: parseClockTime(endTime),
    breakStart: hasBreak ? parseClockTime(breakStart) : null,
    breakEnd: hasBreak ? parseClockTime(breakEnd) : null,
  };
}

/**
 * The schema allows one override per staff member (or branch) and date; should several arrive
 * anyway, "closed" wins and open hours are pooled, so the outcome never depends on their order.
 */
function addOverride(rules: Map<string, OverrideRule>, override: DateOverride): void {
  const existing = rules.get(override.date);
  const { startTime, endTime } = override;
  const open = !override.isClosed && startTime !== null && endTime !== null;
  const shifts = open ? [shift(startTime, endTime, override.breakStart, override.breakEnd)] : [];
  const closed = !open || (existing?.closed ?? false);
  const pooled = existing ? [...existing.shifts, ...shifts] : shifts;
  rules.set(override.date, { closed, shifts: pooled, key: closed ? "closed" : `o${rowsKey(pooled)}` });
}

/** Content key of a set of rows; sorted, so the order rows arrive in does not matter. */
function rowsKey(
  shifts: readonly (Shift & Partial<Pick<WeeklyShift, "validFrom" | "validUntil">>)[],
): string {
  return shifts
    .map(
      (row) => `${row.start},${row.end},${row.breakStart},${row.breakEnd},${row.validFrom},${row.validUntil}`,
    )
    .sort()
    .join(";");
}
