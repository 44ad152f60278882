import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createZoneDays } from "../../../src/domain/availability/zone-days";
import { localDateAt } from "../../../src/domain/availability/zone-offset";
import { localDate, nextLocalDate, zonedInstant } from "../../../src/domain/zoned-time";

/** The engine's own fast conversions must agree with zoned-time (date-fns-tz) wherever both apply. */
const ZONES = [
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "UTC",
];
const dates = fc
  .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe("engine zone helpers", () => {
  it("reads local dates like localDate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2031, 0, 1) }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          expect(localDateAt(zone, instant)).toBe(localDate(new Date(instant), zone));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("places local midnights like zonedInstant and wall-clock times exactly on ordinary days", () => {
    fc.assert(
      fc.property(
        dates,
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 1439 }),
        (date, zone, minute) => {
          const days = createZoneDays(zone);
          const day = days.day(date);
          expect(day.start).toBe(zonedInstant(date, "00:00", zone).getTime());
          expect(day.end).toBe(zonedInstant(nextLocalDate(date), "00:00", zone).getTime());
          const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
          if (day.regular) expect(days.instantAt(day, minute)).toBe(zonedInstant(date, time, zone).getTime());
          expect(days.instantAt(day, 1440)).toBe(day.end);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("splits DST days where the offset changes", () => {
    const days = createZoneDays("Europe/Berlin");
    const spring = days.day("2026-03-29");
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    expect(spring.pieces.map((piece) => new Date(piece.start).toISOString())).toEqual([
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T01:00:00.000Z",
    ]);
    const autumn = days.day("2026-10-25");
    expect(autumn.end - autumn.start).toBe(25 * 3_600_000);
    expect(autumn.pieces.map((piece) => piece.offset / 3_600_000)).toEqual([2, 1]);
    const lordHowe = createZoneDays("Australia/Lord_Howe").day("2026-04-05");
    expect(lordHowe.end - lordHowe.start).toBe(24.5 * 3_600_000);
  });

  it("lays the slot grid on wall-clock multiples, never twice on one instant", () => {
    fc.assert(
      fc.property(
        dates,
        fc.constantFrom(...ZONES),
        fc.constantFrom(5, 10, 15, 20, 30, 45, 60),
        (date, zone, step) => {
          const days = createZoneDays(zone);
          const day = days.day(date);
          const grid = days.grid(day, step);
          for (let i = 1; i < grid.length; i++) expect(grid[i]!).toBeGreaterThan(grid[i - 1]!);
          expect(grid[0]!).toBeGreaterThanOrEqual(day.start);
          expect(grid[grid.length - 1]!).toBeLessThan(day.end);
          if (day.regular) expect(grid).toHaveLength(Math.ceil(1440 / step));
        },
      ),
      { numRuns: 200 },
    );
  });
});
