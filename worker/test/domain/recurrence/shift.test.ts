import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expandSeries,
  shiftSeries,
  toOccurrence,
  wallClockShiftBetween,
} from "../../../src/domain/recurrence";
import { zonedInstant } from "../../../src/domain/zoned-time";

const BERLIN = "Europe/Berlin";
const at = (date: string, time: string) => zonedInstant(date, time, BERLIN).getTime();
const tuesdays = () =>
  expandSeries({
    firstStart: at("2026-03-17", "10:00"),
    durationMinutes: 60,
    timeZone: BERLIN,
    frequency: "weekly",
    interval: 1,
    count: 34,
    maxOccurrences: 52,
  }).occurrences;

describe("shiftSeries", () => {
  it("moves every remaining Tuesday 10:00 to Wednesday 11:30, across both DST changes", () => {
    const remaining = tuesdays().slice(1);
    const shift = wallClockShiftBetween(remaining[0]!.start, at("2026-03-25", "11:30"), BERLIN);
    expect(shift).toEqual({ days: 1, minutes: 90 });
    const moved = shiftSeries(remaining, shift, BERLIN);
    expect(moved).toHaveLength(33);
    moved.forEach((o, i) => {
      expect(o.index).toBe(remaining[i]!.index);
      expect(o.time).toBe("11:30");
      expect(new Date(`${o.date}T12:00:00Z`).getUTCDay()).toBe(3);
      expect(o.start).toBe(at(o.date, "11:30"));
      expect(o.end - o.start).toBe(60 * 60_000);
    });
  });

  it("accepts negative and day-crossing shifts: minutes roll over midnight", () => {
    const [first] = tuesdays();
    const back = shiftSeries([first!], { days: 0, minutes: -11 * 60 }, BERLIN)[0]!;
    expect([back.date, back.time]).toEqual(["2026-03-16", "23:00"]);
    const sameAsDays = shiftSeries([first!], { days: 0, minutes: 1_530 }, BERLIN)[0]!;
    expect(sameAsDays).toEqual(shiftSeries([first!], { days: 1, minutes: 90 }, BERLIN)[0]);
  });

  it("shifts from the series time, and moves new times out of the DST gap", () => {
    const [saturday] = expandSeries({
      firstStart: at("2026-03-28", "02:30"),
      durationMinutes: 30,
      timeZone: BERLIN,
      frequency: "weekly",
      interval: 1,
      count: 1,
      maxOccurrences: 1,
    }).occurrences;
    const intoGap = shiftSeries([saturday!], { days: 1, minutes: 0 }, BERLIN)[0]!;
    expect([intoGap.time, intoGap.dstShifted, new Date(intoGap.start).toISOString()]).toEqual([
      "02:30",
      true,
      "2026-03-29T01:00:00.000Z",
    ]);
    const outOfGap = shiftSeries([intoGap], { days: 0, minutes: 60 }, BERLIN)[0]!;
    expect([outOfGap.time, outOfGap.dstShifted, outOfGap.start]).toEqual([
      "03:30",
      false,
      at("2026-03-29", "03:30"),
    ]);
  });

  it("works on occurrences rebuilt from stored instants", () => {
    const start = at("2026-05-05", "10:00");
    const occurrence = toOccurrence(7, start, start + 1_800_000, BERLIN);
    expect(occurrence).toEqual({
      index: 7,
      start,
      end: start + 1_800_000,
      date: "2026-05-05",
      time: "10:00",
      dstShifted: false,
    });
    expect(shiftSeries([occurrence], { days: 7, minutes: 0 }, BERLIN)[0]!.start).toBe(
      at("2026-05-12", "10:00"),
    );
  });

  it("refuses fractional shifts and unknown zones", () => {
    const [first] = tuesdays();
    expect(() => shiftSeries([first!], { days: 0.5, minutes: 0 }, BERLIN)).toThrow(RangeError);
    expect(() => shiftSeries([first!], { days: 1, minutes: 0 }, "Nowhere/Land")).toThrow(RangeError);
  });

  it("a shift and its opposite return every occurrence to its series time", () => {
    const series = tuesdays();
    fc.assert(
      fc.property(
        fc.integer({ min: -60, max: 60 }),
        fc.integer({ min: -3_000, max: 3_000 }),
        (days, minutes) => {
          const moved = shiftSeries(series, { days, minutes }, BERLIN);
          const back = shiftSeries(moved, { days: -days, minutes: -minutes }, BERLIN);
          expect(back).toEqual(series);
          for (let i = 1; i < moved.length; i++) expect(moved[i]!.start).toBeGreaterThan(moved[i - 1]!.start);
        },
      ),
    );
  });
});
