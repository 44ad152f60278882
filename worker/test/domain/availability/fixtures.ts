import type {
  CompositeSegmentInput,
  DateOverride,
  Interval,
  ServiceTiming,
  SimpleQuery,
  StaffCalendarInput,
  WeeklyHours,
} from "../../../src/domain/availability";
import { zonedInstant } from "../../../src/domain/zoned-time";

/** Builders for readable example tests; every time is Berlin wall-clock unless a zone is given. */

export const BERLIN = "Europe/Berlin";
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Epoch ms of a local wall-clock time. */
export function at(date: string, time: string, timeZone = BERLIN): number {
  return zonedInstant(date, time, timeZone).getTime();
}

export function span(date: string, from: string, to: string, timeZone = BERLIN): Interval {
  return { start: at(date, from, timeZone), end: at(date, to, timeZone) };
}

export function hours(
  dayOfWeek: number,
  startTime: string,
  endTime: string,
  extra: Partial<Omit<WeeklyHours, "dayOfWeek" | "startTime" | "endTime">> = {},
): WeeklyHours {
  return {
    dayOfWeek,
    startTime,
    endTime,
    breakStart: null,
    breakEnd: null,
    validFrom: null,
    validUntil: null,
    isAvailable: true,
    ...extra,
  };
}

export function override(date: string, extra: Partial<Omit<DateOverride, "date">> = {}): DateOverride {
  return {
    date,
    staffId: null,
    isClosed: false,
    startTime: null,
    endTime: null,
    breakStart: null,
    breakEnd: null,
    ...extra,
  };
}

export function staff(
  staffId: number,
  weeklyHours: WeeklyHours[],
  extra: Partial<Pick<StaffCalendarInput, "overrides" | "busy">> = {},
): StaffCalendarInput {
  return { staffId, weeklyHours, overrides: [], busy: [], ...extra };
}

export function timing(extra: Partial<ServiceTiming> = {}): ServiceTiming {
  return {
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    slotIntervalMinutes: 30,
    minNoticeMinutes: 0,
    maxAdvanceDays: 365,
    ...extra,
  };
}

/** A query over one or more days with `now` far enough back not to interfere. */
export function simpleQuery(
  fromDate: string,
  toDate: string,
  staffList: StaffCalendarInput[],
  service: Partial<ServiceTiming> = {},
  now = at("2026-01-01", "00:00"),
): SimpleQuery {
  return { timeZone: BERLIN, fromDate, toDate, now, service: timing(service), staff: staffList };
}

export function segment(
  key: string,
  durationMinutes: number,
  staffList: StaffCalendarInput[],
  extra: Partial<Omit<CompositeSegmentInput, "key" | "durationMinutes" | "staff">> = {},
): CompositeSegmentInput {
  return {
    key,
    durationMinutes,
    gapAfterMinMinutes: 0,
    gapAfterMaxMinutes: 0,
    sameStaffAsPrevious: false,
    staffBusyDuringGap: true,
    staff: staffList,
    ...extra,
  };
}

/** Local start times of slots, for compact assertions. */
export function starts(slots: readonly { localStart: string }[]): string[] {
  return slots.map((slot) => slot.localStart);
}
