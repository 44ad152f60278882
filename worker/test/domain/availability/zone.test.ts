import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createZoneDays } from "../../../src/domain/availability/zone-days";
import { localDateAt, offsetAt } from "../../../src/domain/availability/zone-offset";
import { localDate, nextLocalDate, zonedInstant } from "../../../src/domain/zoned-time";

/** The engine's own fast conversions must agree with an independent reading of the runtime's ICU data. */
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

/** A zone's offset as Intl reports it through formatToParts (not the engine's parser or cache). */
function referenceOffset(zone: string, instant: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour! % 24,
    parts.minute!,
    parts.second!,
  );
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The instants (to the second) where a zone's offset changes between `from` and `to`. */
function offsetChanges(zone: string, from: number, to: number): number[] {
  const STEP = 6 * 3_600_000;
  const changes: number[] = [];
  for (let t = from; t < to; t += STEP) {
    if (referenceOffset(zone, t) === referenceOffset(zone, t + STEP)) continue;
    let [same, other] = [t, t + STEP];
    while (other - same > 1000) {
      const middle = same + Math.floor((other - same) / 2000) * 1000;
      if (referenceOffset(zone, middle) === referenceOffset(zone, t)) same = middle;
      else other = middle;
    }
    changes.push(other);
  }
  return changes;
}

describe("engine zone helpers", () => {
  it("reads offsets and local dates as ICU does, at any instant", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2031, 0, 1) }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          const offset = referenceOffset(zone, instant);
          expect(offsetAt(zone, instant)).toBe(offset);
          const local = new Date(instant + offset).toISOString().slice(0, 10);
          expect(localDateAt(zone, instant)).toBe(local);
          expect(localDate(new Date(instant), zone)).toBe(local);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads offsets as ICU does around every change of 2025–2027 (offsets are cached per hour)", () => {
    const changes = ZONES.flatMap((zone) =>
      offsetChanges(zone, Date.UTC(2025, 0, 1), Date.UTC(2028, 0, 1)).map((at) => ({ zone, at })),
    );
    // Berlin, London, New York, Sydney and Lord Howe change twice a year; the others never.
    expect(changes.length).toBe(5 * 2 * 3);
    fc.assert(
      fc.property(
        fc.constantFrom(...changes),
        fc.array(fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }), { minLength: 1, maxLength: 20 }),
        ({ zone, at }, around) => {
          // Several readings in a row, in any order: a cached hour must never answer for a change.
          for (const d of around) expect(offsetAt(zone, at + d)).toBe(referenceOffset(zone, at + d));
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
