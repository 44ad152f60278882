import { formatInTimeZone } from "date-fns-tz";
import type {
  CompositeQuery,
  CompositeSlot,
  Interval,
  SimpleQuery,
  Slot,
  StaffCalendarInput,
  WeeklyHours,
} from "../../../src/domain/availability";
import { localDate, nextLocalDate, zonedInstant } from "../../../src/domain/zoned-time";

/**
 * Slow, literal reference implementations of the requirements, built on zoned-time (date-fns-tz)
 * only: every 5-minute instant is tried, every gap combination searched. The engine must agree
 * with them exactly.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = nextLocalDate(date)) dates.push(date);
  return dates;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Wall-clock minutes after midnight of an instant. */
export function wallMinutes(instant: number, timeZone: string): number {
  return minutesOf(formatInTimeZone(instant, timeZone, "HH:mm"));
}

function union(list: Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const interval of sorted) {
    const last = out[out.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else out.push({ ...interval });
  }
  return out;
}

/** Working windows straight from the rules, each time converted with zonedInstant. */
export function referenceWindows(staff: StaffCalendarInput, date: string, timeZone: string): Interval[] {
  const dayStart = zonedInstant(date, "00:00", timeZone).getTime();
  const dayEnd = zonedInstant(nextLocalDate(date), "00:00", timeZone).getTime();
  const instant = (time: string) =>
    time === "24:00"
      ? dayEnd
      : Math.min(Math.max(zonedInstant(date, time, timeZone).getTime(), dayStart), dayEnd);
  const own = staff.overrides.filter((o) => o.date === date && o.staffId === staff.staffId);
  const branch = staff.overrides.filter((o) => o.date === date && o.staffId === null);
  const chosen = own.length > 0 ? own : branch;
  let rows: Pick<WeeklyHours, "startTime" | "endTime" | "breakStart" | "breakEnd">[];
  if (chosen.length > 0) {
    if (chosen.some((o) => o.isClosed || o.startTime === null || o.endTime === null)) return [];
    rows = chosen.map((o) => ({
      startTime: o.startTime!,
      endTime: o.endTime!,
      breakStart: o.breakStart,
      breakEnd: o.breakEnd,
    }));
  } else {
    const dayOfWeek = new Date(`${date}T12:00:00Z`).getUTCDay();
    rows = staff.weeklyHours.filter(
      (row) =>
        row.isAvailable &&
        row.dayOfWeek === dayOfWeek &&
        (row.validFrom === null || row.validFrom <= date) &&
        (row.validUntil === null || date <= row.validUntil),
    );
  }
  const pieces: Interval[] = [];
  for (const row of rows) {
    const start = instant(row.startTime);
    const end = instant(row.endTime);
    if (row.breakStart === null || row.breakEnd === null) pieces.push({ start, end });
    else
      pieces.push(
        { start, end: Math.min(end, instant(row.breakStart)) },
        { start: Math.max(start, instant(row.breakEnd)), end },
      );
  }
  return union(pieces);
}

function inside(windows: Interval[], start: number, end: number): boolean {
  return windows.some((w) => w.start <= start && end <= w.end);
}

function clear(busy: readonly Interval[], start: number, end: number): boolean {
  return busy.every((b) => b.end <= start || end <= b.start || b.end <= b.start);
}

/** Candidate starts of a date: every 5-minute instant of the local day on the wall-clock grid. */
function gridStarts(
  date: string,
  timeZone: string,
  interval: number,
  earliest: number,
  latest: number,
): number[] {
  const step = Math.max(5, interval);
  const starts: number[] = [];
  const dayStart = zonedInstant(date, "00:00", timeZone).getTime();
  const dayEnd = zonedInstant(nextLocalDate(date), "00:00", timeZone).getTime();
  for (let t = dayStart; t < dayEnd; t += 5 * MINUTE) {
    if (t >= earliest && t <= latest && wallMinutes(t, timeZone) % step === 0) starts.push(t);
  }
  return starts;
}

/** start → free staff ids (ascending), literally from the requirements. */
export function referenceSlots(query: SimpleQuery): Map<number, number[]> {
  const { service, timeZone } = query;
  const earliest = query.now + service.minNoticeMinutes * MINUTE;
  const latest = query.now + service.maxAdvanceDays * DAY;
  const staff = [...query.staff].sort((a, b) => a.staffId - b.staffId);
  const result = new Map<number, number[]>();
  for (const date of datesBetween(query.fromDate, query.toDate)) {
    const windows = staff.map((s) => referenceWindows(s, date, timeZone));
    for (const start of gridStarts(date, timeZone, service.slotIntervalMinutes, earliest, latest)) {
      const from = start - service.bufferBeforeMinutes * MINUTE;
      const to = start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE;
      const ids = staff
        .filter((s, i) => inside(windows[i]!, from, to) && clear(s.busy, from, to))
        .map((s) => s.staffId);
      if (ids.length > 0) result.set(start, ids);
    }
  }
  return result;
}

export function slotMap(slots: readonly Slot[]): Map<number, number[]> {
  return new Map(slots.map((slot) => [slot.start, slot.staffIds]));
}

interface Timed {
  start: number;
  end: number;
  until: number;
}

/** Composite slots by exhaustive search: earliest gaps first, then staff by preference and id. */
export function referenceComposite(query: CompositeQuery): CompositeSlot[] {
  const { timeZone } = query;
  const earliest = query.now + query.minNoticeMinutes * MINUTE;
  const latest = query.now + query.maxAdvanceDays * DAY;
  const resources = query.resources && [...query.resources].sort((a, b) => a.resourceId - b.resourceId);
  const slots: CompositeSlot[] = [];
  for (const date of datesBetween(query.fromDate, query.toDate)) {
    const windowCache = new Map<StaffCalendarInput, Interval[]>();
    const windows = (s: StaffCalendarInput) => {
      let list = windowCache.get(s);
      if (!list) {
        list = union([
          ...referenceWindows(s, date, timeZone),
          ...referenceWindows(s, nextLocalDate(date), timeZone),
        ]);
        windowCache.set(s, list);
      }
      return list;
    };
    const free = (s: StaffCalendarInput, from: number, to: number) =>
      inside(windows(s), from, to) && clear(s.busy, from, to);
    const segmentStaffed = (index: number, from: number, to: number) =>
      query.segments[index]!.staff.some((s) => free(s, from, to));
    const resourceFor = (from: number, to: number) => resources?.find((r) => clear(r.busy, from, to));

    const search = (index: number, start: number, first: number): Timed[] | null => {
      const segment = query.segments[index]!;
      const end = start + segment.durationMinutes * MINUTE;
      if (index === query.segments.length - 1) {
        if (!segmentStaffed(index, start, end)) return null;
        if (resources && !resourceFor(first, end)) return null;
        return [{ start, end, until: end }];
      }
      for (let gap = segment.gapAfterMinMinutes; gap <= segment.gapAfterMaxMinutes; gap += 5) {
        const until = segment.staffBusyDuringGap ? end + gap * MINUTE : end;
        if (!segmentStaffed(index, start, until)) continue;
        const rest = search(index + 1, end + gap * MINUTE, first);
        if (rest) return [{ start, end, until }, ...rest];
      }
      return null;
    };

    for (const start of gridStarts(date, timeZone, query.slotIntervalMinutes, earliest, latest)) {
      const timed = search(0, start, start);
      if (!timed) continue;
      const taken: { id: number; from: number; to: number }[] = [];
      let previous: number | null = null;
      const staffIds: number[] = [];
      for (let i = 0; i < timed.length; i++) {
        const t = timed[i]!;
        const candidates = [...query.segments[i]!.staff].sort((a, b) => a.staffId - b.staffId);
        const ok = (s: StaffCalendarInput) =>
          free(s, t.start, t.until) &&
          !taken.some((o) => o.id === s.staffId && o.from < t.until && t.start < o.to);
        const own = candidates.find((s) => s.staffId === query.segments[i]!.preferredStaffId);
        const preferred = query.segments[i]!.sameStaffAsPrevious
          ? candidates.find((s) => s.staffId === previous)
          : undefined;
        const chosen = own && ok(own) ? own : preferred && ok(preferred) ? preferred : candidates.find(ok);
        if (!chosen) throw new Error("a staffable timing could not be staffed");
        taken.push({ id: chosen.staffId, from: t.start, to: t.until });
        staffIds.push(chosen.staffId);
        previous = chosen.staffId;
      }
      const end = timed[timed.length - 1]!.end;
      const slot: CompositeSlot = {
        start,
        end,
        date,
        localStart: formatInTimeZone(start, timeZone, "HH:mm"),
        localEnd:
          end === zonedInstant(nextLocalDate(date), "00:00", timeZone).getTime()
            ? "24:00"
            : formatInTimeZone(end, timeZone, "HH:mm"),
        segments: timed.map((t, i) => {
          const segment = query.segments[i]!;
          return segment.serviceId === undefined
            ? { key: segment.key, staffId: staffIds[i]!, start: t.start, end: t.end }
            : {
                key: segment.key,
                serviceId: segment.serviceId,
                staffId: staffIds[i]!,
                start: t.start,
                end: t.end,
              };
        }),
      };
      if (resources) slot.resourceId = resourceFor(start, end)?.resourceId;
      slots.push(slot);
    }
  }
  return slots;
}

export { localDate };
