/**
 * Inputs and outputs of the availability engine. Inputs mirror the working_hours, date_overrides,
 * time_off and services columns (camelCase, plain values); every instant is epoch milliseconds (UTC)
 * and every interval is half-open [start, end).
 */

/** One weekly working_hours row, in the branch's local wall-clock time. */
export interface WeeklyHours {
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: number;
  /** 'HH:MM'; '24:00' means the end of the day. */
  startTime: string;
  endTime: string;
  breakStart: string | null;
  breakEnd: string | null;
  /** Inclusive local dates ('YYYY-MM-DD'); null means unbounded. */
  validFrom: string | null;
  validUntil: string | null;
  isAvailable: boolean;
}

/** One date_overrides row; staffId null means it applies to the whole branch. */
export interface DateOverride {
  date: string;
  staffId: number | null;
  isClosed: boolean;
  startTime: string | null;
  endTime: string | null;
  breakStart: string | null;
  breakEnd: string | null;
}

export interface Interval {
  start: number;
  end: number;
}

/** Everything the engine needs to know about one staff member's calendar. */
export interface StaffCalendarInput {
  staffId: number;
  weeklyHours: WeeklyHours[];
  overrides: DateOverride[];
  /** Appointments' blocked intervals (buffers included), live holds and time off. */
  busy: Interval[];
}

export interface ServiceTiming {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  slotIntervalMinutes: number;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
}

export interface SimpleQuery {
  /** The branch's IANA zone. */
  timeZone: string;
  /** Inclusive local dates. */
  fromDate: string;
  toDate: string;
  /** The caller's clock: the engine never reads the time itself. */
  now: number;
  service: ServiceTiming;
  staff: StaffCalendarInput[];
}

export interface Slot {
  start: number;
  end: number;
  /** Local date of `start`. */
  date: string;
  /** 'HH:MM' local wall-clock times; localEnd is '24:00' when the slot ends at the day's end. */
  localStart: string;
  localEnd: string;
  /** Every staff member free at this start, ascending. */
  staffIds: number[];
}

export interface CompositeSegmentInput {
  key: string;
  serviceId?: number;
  durationMinutes: number;
  gapAfterMinMinutes: number;
  gapAfterMaxMinutes: number;
  /** A preference, not a requirement: the previous segment's staff member is tried first. */
  sameStaffAsPrevious: boolean;
  /**
   * A preference, not a requirement, tried before any other: the staff member this segment had
   * (an appointment being moved, a held offer being booked), when they are free for it.
   */
  preferredStaffId?: number | undefined;
  /** When false the staff member may serve someone else during the gap after this segment. */
  staffBusyDuringGap: boolean;
  staff: StaffCalendarInput[];
}

export interface ResourceCalendarInput {
  resourceId: number;
  busy: readonly Interval[];
}

export interface CompositeQuery {
  timeZone: string;
  fromDate: string;
  toDate: string;
  now: number;
  slotIntervalMinutes: number;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  segments: CompositeSegmentInput[];
  /** When present, one of these must be free from the first segment's start to the last one's end. */
  resources?: ResourceCalendarInput[];
}

export interface CompositeSegmentSlot {
  key: string;
  serviceId?: number;
  staffId: number;
  start: number;
  end: number;
}

export interface CompositeSlot {
  start: number;
  end: number;
  date: string;
  localStart: string;
  localEnd: string;
  segments: CompositeSegmentSlot[];
  resourceId?: number;
}
