import fc from "fast-check";
import type {
  CompositeQuery,
  CompositeSegmentInput,
  DateOverride,
  Interval,
  ServiceTiming,
  SimpleQuery,
  StaffCalendarInput,
  WeeklyHours,
} from "../../../src/domain/availability";
import { nextLocalDate, zonedInstant } from "../../../src/domain/zoned-time";

/**
 * Random calendars for property tests. Ranges start next to DST changes (Berlin, New York,
 * Lord Howe's 30-minute shift) as well as on ordinary weeks, and times include '24:00', odd
 * minutes and unaligned instants, so the engine meets the awkward cases often.
 */

const ZONES = ["Europe/Berlin", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"];
const RANGE_STARTS = [
  "2026-03-27",
  "2026-03-07",
  "2026-06-01",
  "2026-10-23",
  "2026-10-31",
  "2026-04-04",
  "2026-10-03",
];
const MINUTE = 60_000;
const DAY = 86_400_000;

export interface Frame {
  timeZone: string;
  dates: string[];
  /** Local midnight of the first date. */
  origin: number;
}

const frame: fc.Arbitrary<Frame> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    first: fc.constantFrom(...RANGE_STARTS),
    days: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ timeZone, first, days }) => {
    const dates = [first];
    while (dates.length < days) dates.push(nextLocalDate(dates[dates.length - 1]!));
    return { timeZone, dates, origin: zonedInstant(first, "00:00", timeZone).getTime() };
  });

export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** start < end within 00:00…24:00 and an optional break inside, on 5-minute (sometimes 1-minute) marks. */
const shift = fc
  .record({
    unit: fc.constantFrom(5, 5, 15, 1),
    a: fc.nat(),
    b: fc.nat(),
    c: fc.nat(),
    d: fc.nat(),
    withBreak: fc.boolean(),
    long: fc.boolean(),
  })
  .map(({ unit, a, b, c, d, withBreak, long }) => {
    const marks = 1440 / unit;
    // Half the shifts are business-like (6–18 hours from the first half of the day), half anything.
    const start = (a % (long ? marks / 2 : marks)) * unit;
    const end = long
      ? Math.min(1440, start + (Math.floor(360 / unit) + (b % Math.floor(720 / unit))) * unit)
      : start + (1 + (b % (marks - start / unit))) * unit;
    const room = (end - start) / unit;
    if (!withBreak || room < 2) return { start, end, breakStart: null, breakEnd: null };
    const breakStart = start + (c % room) * unit;
    const breakEnd = breakStart + (1 + (d % ((end - breakStart) / unit))) * unit;
    return { start, end, breakStart: clock(breakStart), breakEnd: clock(breakEnd) };
  })
  .map(({ start, end, breakStart, breakEnd }) => ({
    startTime: clock(start),
    endTime: clock(end),
    breakStart,
    breakEnd,
  }));

function dateAround(dates: string[]): fc.Arbitrary<string> {
  return fc.constantFrom(...dates, "2026-01-01", "2027-01-01");
}

/** null three times out of four. */
function sometimes<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: value, weight: 1 });
}

function weeklyRow(dates: string[], dayOfWeek: fc.Arbitrary<number>): fc.Arbitrary<WeeklyHours> {
  return fc
    .record({
      dayOfWeek,
      shift,
      validFrom: sometimes(dateAround(dates)),
      validUntil: sometimes(dateAround(dates)),
      isAvailable: fc.constantFrom(true, true, true, false),
    })
    .map(({ dayOfWeek, shift, validFrom, validUntil, isAvailable }) => {
      const [from, until] =
        validFrom !== null && validUntil !== null && validFrom > validUntil
          ? [validUntil, validFrom]
          : [validFrom, validUntil];
      return { dayOfWeek, ...shift, validFrom: from, validUntil: until, isAvailable };
    });
}

function dateOverride(dates: string[], staffId: number): fc.Arbitrary<DateOverride> {
  return fc
    .record({
      date: fc.constantFrom(...dates),
      staffId: fc.constantFrom<number | null>(null, staffId, staffId + 100),
      isClosed: fc.constantFrom(true, false, false),
      shift,
    })
    .map(({ date, staffId: owner, isClosed, shift }) =>
      isClosed
        ? { date, staffId: owner, isClosed, startTime: null, endTime: null, breakStart: null, breakEnd: null }
        : { date, staffId: owner, isClosed, ...shift },
    );
}

function busyInterval(f: Frame): fc.Arbitrary<Interval> {
  return fc
    .record({
      at: fc.integer({ min: 0, max: f.dates.length * 24 * 60 }),
      length: fc.integer({ min: 1, max: 300 }),
      ms: fc.constantFrom(0, 0, 0, 12_345),
    })
    .map(({ at, length, ms }) => {
      const start = f.origin + at * MINUTE + ms;
      return { start, end: start + length * MINUTE };
    });
}

function calendar(f: Frame, staffId: number, dense: boolean): fc.Arbitrary<StaffCalendarInput> {
  const weekly = dense
    ? fc.tuple(
        ...[0, 1, 2, 3, 4, 5, 6].map((day) =>
          weeklyRow(f.dates, fc.constant(day)).map((row) => ({
            ...row,
            isAvailable: true,
            validFrom: null,
            validUntil: null,
          })),
        ),
      )
    : fc.array(weeklyRow(f.dates, fc.integer({ min: 0, max: 6 })), { minLength: 3, maxLength: 12 });
  return fc.record({
    staffId: fc.constant(staffId),
    weeklyHours: weekly,
    overrides: fc.array(dateOverride(f.dates, staffId), { maxLength: dense ? 1 : 3 }),
    busy: fc.array(busyInterval(f), { maxLength: dense ? 3 : 6 }),
  });
}

function staffPool(f: Frame, dense: boolean, maxLength: number): fc.Arbitrary<StaffCalendarInput[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength })
    .chain((ids) => fc.tuple(...ids.map((id) => calendar(f, id, dense))));
}

const service: fc.Arbitrary<ServiceTiming> = fc.record({
  durationMinutes: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 12 }).map((n) => n * 5), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: 150 }), weight: 1 },
  ),
  bufferBeforeMinutes: fc.constantFrom(0, 0, 5, 10, 15, 7),
  bufferAfterMinutes: fc.constantFrom(0, 0, 5, 10, 30, 3),
  slotIntervalMinutes: fc.constantFrom(5, 10, 15, 20, 30, 45, 60, 1),
  minNoticeMinutes: fc.constantFrom(0, 0, 30, 60, 240, 1440),
  maxAdvanceDays: fc.integer({ min: 1, max: 6 }),
});

function nowIn(f: Frame): fc.Arbitrary<number> {
  return fc
    .oneof(
      { arbitrary: fc.integer({ min: -2 * DAY, max: 0 }), weight: 3 },
      { arbitrary: fc.integer({ min: 0, max: f.dates.length * DAY }), weight: 1 },
    )
    .map((offset) => f.origin + offset);
}

export const simpleQueries: fc.Arbitrary<SimpleQuery> = frame.chain((f) =>
  fc.record({
    timeZone: fc.constant(f.timeZone),
    fromDate: fc.constant(f.dates[0]!),
    toDate: fc.constant(f.dates[f.dates.length - 1]!),
    now: nowIn(f),
    service,
    staff: staffPool(f, false, 4),
  }),
);

function segments(pool: StaffCalendarInput[]): fc.Arbitrary<CompositeSegmentInput[]> {
  const one = fc
    .record({
      key: fc.constantFrom("colour", "wash", "cut", "dry"),
      durationMinutes: fc.oneof(
        fc.integer({ min: 1, max: 18 }).map((n) => n * 5),
        fc.integer({ min: 1, max: 90 }),
      ),
      gapAfterMinMinutes: fc.constantFrom(0, 0, 5, 10, 30, 3),
      gapSpread: fc.constantFrom(0, 5, 10, 20, 30, 12),
      sameStaffAsPrevious: fc.boolean(),
      staffBusyDuringGap: fc.boolean(),
      serviceId: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
      staff: fc.subarray(pool, { minLength: 1 }),
      // The staff member a segment had (a move, a held offer): often one of its staff, sometimes
      // someone not qualified for it (ignored), often none.
      preferred: fc.option(fc.constantFrom(...pool.map((s) => s.staffId), 999), { nil: undefined }),
    })
    .map(({ gapSpread, serviceId, preferred, ...rest }) => {
      const input: CompositeSegmentInput = {
        ...rest,
        gapAfterMaxMinutes: rest.gapAfterMinMinutes + gapSpread,
      };
      if (serviceId !== undefined) input.serviceId = serviceId;
      if (preferred !== undefined) input.preferredStaffId = preferred;
      return input;
    });
  return fc.array(one, { minLength: 1, maxLength: 3 });
}

export const compositeQueries: fc.Arbitrary<CompositeQuery> = frame
  .map((f) => ({ ...f, dates: f.dates.slice(0, 2) }))
  .chain((f) =>
    staffPool(f, true, 3).chain((pool) =>
      fc
        .record({
          now: nowIn(f),
          slotIntervalMinutes: fc.constantFrom(5, 15, 30, 60),
          minNoticeMinutes: fc.constantFrom(0, 60),
          maxAdvanceDays: fc.integer({ min: 1, max: 4 }),
          segments: segments(pool),
          resources: fc.option(
            fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 2 }).chain((ids) =>
              fc.tuple(
                ...ids.map((resourceId) =>
                  fc.record({
                    resourceId: fc.constant(resourceId),
                    busy: fc.array(busyInterval(f), { maxLength: 4 }),
                  }),
                ),
              ),
            ),
            { nil: undefined },
          ),
        })
        .map(({ resources, ...rest }) => {
          const query: CompositeQuery = {
            timeZone: f.timeZone,
            fromDate: f.dates[0]!,
            toDate: f.dates[f.dates.length - 1]!,
            ...rest,
          };
          if (resources !== undefined) query.resources = resources;
          return query;
        }),
    ),
  );

/** Deterministic Fisher–Yates, so a failing shuffle can be replayed from the seed. */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  const copy = [...list];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export function shuffledCalendar(input: StaffCalendarInput, seed: number): StaffCalendarInput {
  return {
    staffId: input.staffId,
    weeklyHours: shuffled(input.weeklyHours, seed + 1),
    overrides: shuffled(input.overrides, seed + 2),
    busy: shuffled(input.busy, seed + 3),
  };
}
