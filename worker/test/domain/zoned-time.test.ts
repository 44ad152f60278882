import { formatInTimeZone } from "date-fns-tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  localDate,
  localDayBounds,
  localTime,
  nextLocalDate,
  zonedInstant,
} from "../../src/domain/zoned-time";

const BERLIN = "Europe/Berlin";

describe("zoned time", () => {
  it("converts wall-clock times in Berlin across both DST changes", () => {
    expect(zonedInstant("2026-03-28", "10:00", BERLIN).toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(zonedInstant("2026-03-29", "10:00", BERLIN).toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(zonedInstant("2026-10-24", "10:00", BERLIN).toISOString()).toBe("2026-10-24T08:00:00.000Z");
    expect(zonedInstant("2026-10-25", "10:00", BERLIN).toISOString()).toBe("2026-10-25T09:00:00.000Z");
  });

  it("reads local dates and times exactly as ICU formats them, in zones with odd offsets and DST", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2040-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(
          BERLIN,
          "Europe/Zurich",
          "America/New_York",
          "Asia/Kolkata",
          "Asia/Kathmandu",
          "Australia/Lord_Howe",
          "Pacific/Chatham",
          "UTC",
        ),
        (instant, zone) => {
          expect(localDate(instant, zone)).toBe(formatInTimeZone(instant, zone, "yyyy-MM-dd"));
          expect(localTime(instant, zone)).toBe(formatInTimeZone(instant, zone, "HH:mm"));
        },
      ),
      { numRuns: 2000 },
    );
    // Both sides of Berlin's changes in 2026.
    expect(localTime(new Date("2026-03-29T00:59:59Z"), BERLIN)).toBe("01:59");
    expect(localTime(new Date("2026-03-29T01:00:00Z"), BERLIN)).toBe("03:00");
    expect(localTime(new Date("2026-10-25T00:59:59Z"), BERLIN)).toBe("02:59");
    expect(localTime(new Date("2026-10-25T01:00:00Z"), BERLIN)).toBe("02:00");
  });

  it("turns every wall-clock minute back into its first instant, and a minute in a gap into the next one", () => {
    const MINUTE = 60_000;
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse("2000-01-01T00:00:00Z") / MINUTE,
          max: Date.parse("2040-12-31T00:00:00Z") / MINUTE,
        }),
        fc.constantFrom(
          BERLIN,
          "America/New_York",
          "Asia/Kathmandu",
          "Australia/Lord_Howe",
          "Pacific/Chatham",
          "America/Santiago",
        ),
        (minute, zone) => {
          const instant = minute * MINUTE;
          const date = formatInTimeZone(instant, zone, "yyyy-MM-dd");
          const time = formatInTimeZone(instant, zone, "HH:mm");
          const resolved = zonedInstant(date, time, zone).getTime();
          // The same reading on the clock, at the instant itself or at its earlier occurrence
          // (the repeated hour of an autumn change, which is at most 90 minutes earlier here).
          expect(formatInTimeZone(resolved, zone, "yyyy-MM-dd HH:mm")).toBe(`${date} ${time}`);
          expect(resolved).toBeLessThanOrEqual(instant);
          expect(instant - resolved).toBeLessThanOrEqual(90 * MINUTE);
          // No earlier minute reads the same.
          expect(formatInTimeZone(resolved - MINUTE, zone, "yyyy-MM-dd HH:mm")).not.toBe(`${date} ${time}`);
        },
      ),
      { numRuns: 3000 },
    );
    // Inside Berlin's spring gap: the first minute after it.
    expect(zonedInstant("2026-03-29", "02:30", BERLIN).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // The repeated hour in autumn: the first occurrence (still summer time).
    expect(zonedInstant("2026-10-25", "02:30", BERLIN).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(() => zonedInstant("2026-10-25", "10:00", "Mars/Olympus_Mons")).toThrow(RangeError);
  });

  it("gives DST days their real length: 23 hours in March, 25 in October", () => {
    const march = localDayBounds(new Date("2026-03-29T12:00:00Z"), BERLIN);
    expect((march.end.getTime() - march.start.getTime()) / 3_600_000).toBe(23);
    const october = localDayBounds(new Date("2026-10-25T12:00:00Z"), BERLIN);
    expect((october.end.getTime() - october.start.getTime()) / 3_600_000).toBe(25);
  });

  it("the local day of an instant always contains it, in any zone", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2020-01-01T00:00:00Z"),
          max: new Date("2035-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(
          BERLIN,
          "Europe/Vienna",
          "Europe/Zurich",
          "Europe/London",
          "America/New_York",
          "Asia/Kolkata",
        ),
        (instant, zone) => {
          const { start, end } = localDayBounds(instant, zone);
          expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(end.getTime()).toBeGreaterThan(instant.getTime());
          expect(localDate(start, zone)).toBe(localDate(instant, zone));
          expect(localDate(end, zone)).toBe(nextLocalDate(localDate(instant, zone)));
        },
      ),
    );
  });
});
