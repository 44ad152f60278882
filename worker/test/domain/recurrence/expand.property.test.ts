import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandSeries, type SeriesSpec } from "../../../src/domain/recurrence";
import { localDate, zonedInstant } from "../../../src/domain/zoned-time";

const ZONES = [
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
] as const;
const DAY_MS = 86_400_000;

/** Series specs starting on any minute of 2025–2030 in zones with and without DST. */
const specs = fc
  .record({
    firstStart: fc
      .integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 })
      .map((m) => m * 60_000),
    durationMinutes: fc.integer({ min: 5, max: 240 }),
    timeZone: fc.constantFrom(...ZONES),
    frequency: fc.constantFrom("daily", "weekly", "monthly"),
    interval: fc.integer({ min: 1, max: 4 }),
    count: fc.integer({ min: 1, max: 40 }),
    maxOccurrences: fc.integer({ min: 1, max: 40 }),
  })
  .map((s): SeriesSpec => s);

/** A few days before each zone's 2026 DST changes (spring gap first, then the repeated hour). */
const DST_EVES: Record<(typeof ZONES)[number], readonly string[]> = {
  "Europe/Berlin": ["2026-03-26", "2026-10-22"],
  "Europe/London": ["2026-03-26", "2026-10-22"],
  "America/New_York": ["2026-03-05", "2026-10-29"],
  "America/Santiago": ["2026-09-03", "2026-04-01"],
  "Australia/Lord_Howe": ["2026-10-01", "2026-04-02"],
  "Asia/Kolkata": ["2026-03-26"],
};

/** Daily series at small-hours times just before DST changes, so gaps and repeated hours come up often. */
const nearDstChanges = fc
  .constantFrom(...ZONES)
  .chain((timeZone) =>
    fc.record({
      timeZone: fc.constant(timeZone),
      date: fc.constantFrom(...DST_EVES[timeZone]),
      minute: fc.integer({ min: 0, max: 4 * 60 - 1 }),
      count: fc.integer({ min: 4, max: 12 }),
    }),
  )
  .map(({ timeZone, date, minute, count }): SeriesSpec => {
    const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
    return {
      firstStart: zonedInstant(date, time, timeZone).getTime(),
      durationMinutes: 30,
      timeZone,
      frequency: "daily",
      interval: 1,
      count,
      maxOccurrences: 40,
    };
  });
const anySpec = fc.oneof(specs, nearDstChanges);

const wallTime = (ms: number, zone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(ms);

describe("expandSeries properties", () => {
  it("yields min(count, max) strictly increasing occurrences at the series' local time", () => {
    fc.assert(
      fc.property(anySpec, (spec) => {
        const { occurrences, capped } = expandSeries(spec);
        const count = spec.count ?? 0;
        expect(occurrences).toHaveLength(Math.min(count, spec.maxOccurrences));
        expect(capped).toBe(count > spec.maxOccurrences);
        const firstTime = wallTime(spec.firstStart, spec.timeZone);
        occurrences.forEach((o, i) => {
          expect(o.index).toBe(i);
          expect(o.time).toBe(firstTime);
          expect(o.end - o.start).toBe(spec.durationMinutes * 60_000);
          if (!o.dstShifted) expect(wallTime(o.start, spec.timeZone)).toBe(firstTime);
          expect(localDate(new Date(o.start), spec.timeZone)).toBe(o.date);
          const previous = occurrences[i - 1];
          if (previous) expect(o.start).toBeGreaterThan(previous.start);
        });
      }),
    );
  });

  it("spaces weekly occurrences exactly N × 7 local days apart", () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const { occurrences } = expandSeries({ ...spec, frequency: "weekly" });
        for (let i = 1; i < occurrences.length; i++) {
          const days = (Date.parse(occurrences[i]!.date) - Date.parse(occurrences[i - 1]!.date)) / DAY_MS;
          expect(days).toBe(spec.interval * 7);
        }
      }),
    );
  });

  it("stops at until (inclusive) and starts with firstStart unchanged", () => {
    fc.assert(
      fc.property(specs, fc.integer({ min: 0, max: 400 }), (spec, spanDays) => {
        const firstDate = localDate(new Date(spec.firstStart), spec.timeZone);
        const until = new Date(Date.parse(firstDate) + spanDays * DAY_MS).toISOString().slice(0, 10);
        const { occurrences, capped } = expandSeries({
          ...spec,
          count: undefined,
          until,
          maxOccurrences: 500,
        });
        expect(capped).toBe(false);
        expect(occurrences[0]!.start).toBe(spec.firstStart);
        expect(occurrences.every((o) => o.date <= until)).toBe(true);
        const next = expandSeries({
          ...spec,
          count: occurrences.length + 1,
          maxOccurrences: 500,
        }).occurrences.at(-1)!;
        expect(next.date > until).toBe(true);
      }),
    );
  });

  it("moves a time in a DST gap to the first minute after it", () => {
    let gapsSeen = 0;
    fc.assert(
      fc.property(nearDstChanges, (spec) => {
        const reading = (ms: number) =>
          `${localDate(new Date(ms), spec.timeZone)} ${wallTime(ms, spec.timeZone)}`;
        for (const o of expandSeries(spec).occurrences.filter((o) => o.dstShifted)) {
          const wanted = `${o.date} ${o.time}`;
          expect(reading(o.start) > wanted).toBe(true);
          expect(reading(o.start - 60_000) < wanted).toBe(true);
          gapsSeen++;
        }
      }),
    );
    // The generator must actually reach the gap, or this property proves nothing.
    expect(gapsSeen).toBeGreaterThan(0);
  });
});
