import { describe, expect, it } from "vitest";
import { expandSeries, type SeriesSpec } from "../../../src/domain/recurrence";
import { localDate, zonedInstant } from "../../../src/domain/zoned-time";

const BERLIN = "Europe/Berlin";
const at = (date: string, time: string, zone = BERLIN) => zonedInstant(date, time, zone).getTime();
const spec = (overrides: Partial<SeriesSpec>): SeriesSpec => ({
  firstStart: at("2026-01-06", "10:00"),
  durationMinutes: 45,
  timeZone: BERLIN,
  frequency: "weekly",
  interval: 1,
  count: 10,
  maxOccurrences: 52,
  ...overrides,
});
const iso = (ms: number) => new Date(ms).toISOString();

describe("expandSeries", () => {
  it("keeps a weekly 10:00 series at 10:00 local across both DST changes", () => {
    // Tuesdays from 17 March to 3 November 2026: spring change on 29 March, autumn on 25 October.
    const { occurrences, capped } = expandSeries(
      spec({ firstStart: at("2026-03-17", "10:00"), count: 34, maxOccurrences: 52 }),
    );
    expect(capped).toBe(false);
    expect(occurrences).toHaveLength(34);
    for (const o of occurrences) {
      expect(o.time).toBe("10:00");
      expect(o.start).toBe(at(o.date, "10:00"));
      expect(o.end - o.start).toBe(45 * 60_000);
      expect(o.dstShifted).toBe(false);
    }
    expect(iso(occurrences[0]!.start)).toBe("2026-03-17T09:00:00.000Z"); // CET
    expect(iso(occurrences[2]!.start)).toBe("2026-03-31T08:00:00.000Z"); // CEST
    expect(occurrences[32]!.date).toBe("2026-10-27");
    expect(iso(occurrences[32]!.start)).toBe("2026-10-27T09:00:00.000Z"); // CET again
  });

  it("daily and every-N-weeks series step in local days", () => {
    const daily = expandSeries(
      spec({ frequency: "daily", interval: 2, count: 4, firstStart: at("2026-03-27", "10:00") }),
    );
    expect(daily.occurrences.map((o) => o.date)).toEqual([
      "2026-03-27",
      "2026-03-29",
      "2026-03-31",
      "2026-04-02",
    ]);
    const fortnightly = expandSeries(spec({ interval: 2, count: 3 }));
    expect(fortnightly.occurrences.map((o) => o.date)).toEqual(["2026-01-06", "2026-01-20", "2026-02-03"]);
  });

  it("a monthly series on the 31st uses the last day of shorter months and returns to the 31st", () => {
    const { occurrences } = expandSeries(
      spec({ frequency: "monthly", firstStart: at("2027-10-31", "09:30"), count: 8 }),
    );
    expect(occurrences.map((o) => o.date)).toEqual([
      "2027-10-31",
      "2027-11-30",
      "2027-12-31",
      "2028-01-31",
      "2028-02-29", // leap year
      "2028-03-31",
      "2028-04-30",
      "2028-05-31",
    ]);
    expect(occurrences.every((o) => localDate(new Date(o.start), BERLIN) === o.date)).toBe(true);
    const quarterly = expandSeries(
      spec({ frequency: "monthly", interval: 3, firstStart: at("2026-11-30", "09:30"), count: 2 }),
    );
    expect(quarterly.occurrences.map((o) => o.date)).toEqual(["2026-11-30", "2027-02-28"]);
  });

  it("until is an inclusive local date", () => {
    const onUntil = expandSeries(spec({ count: undefined, until: "2026-01-27" }));
    expect(onUntil.occurrences.map((o) => o.date)).toEqual([
      "2026-01-06",
      "2026-01-13",
      "2026-01-20",
      "2026-01-27",
    ]);
    const dayBefore = expandSeries(spec({ count: undefined, until: "2026-01-26" }));
    expect(dayBefore.occurrences).toHaveLength(3);
    // A late-evening start is still on its local date although it is the next day in UTC elsewhere.
    const evening = expandSeries(
      spec({
        firstStart: at("2026-01-06", "23:30", "America/Los_Angeles"),
        timeZone: "America/Los_Angeles",
        count: null,
        until: "2026-01-13",
      }),
    );
    expect(evening.occurrences.map((o) => o.date)).toEqual(["2026-01-06", "2026-01-13"]);
  });

  it("never returns more than maxOccurrences and says so", () => {
    expect(expandSeries(spec({ count: 60, maxOccurrences: 52 }))).toMatchObject({ capped: true });
    expect(expandSeries(spec({ count: 60, maxOccurrences: 52 })).occurrences).toHaveLength(52);
    expect(expandSeries(spec({ count: 52, maxOccurrences: 52 })).capped).toBe(false);
    const byDate = expandSeries(spec({ count: undefined, until: "2030-01-01", maxOccurrences: 5 }));
    expect(byDate).toMatchObject({ capped: true });
    expect(byDate.occurrences).toHaveLength(5);
    expect(expandSeries(spec({ count: undefined, until: "2026-02-03", maxOccurrences: 5 })).capped).toBe(
      false,
    );
  });

  it("moves a time inside the spring DST gap to the first existing minute", () => {
    const { occurrences } = expandSeries(
      spec({ frequency: "daily", firstStart: at("2026-03-28", "02:30"), count: 3 }),
    );
    expect(occurrences.map((o) => [o.date, iso(o.start), o.dstShifted])).toEqual([
      ["2026-03-28", "2026-03-28T01:30:00.000Z", false],
      ["2026-03-29", "2026-03-29T01:00:00.000Z", true], // 03:00 CEST
      ["2026-03-30", "2026-03-30T00:30:00.000Z", false],
    ]);
    expect(occurrences[1]!.time).toBe("02:30");
  });

  it("takes the first of a repeated autumn time", () => {
    const { occurrences } = expandSeries(
      spec({ frequency: "daily", firstStart: at("2026-10-24", "02:30"), count: 2 }),
    );
    expect(iso(occurrences[1]!.start)).toBe("2026-10-25T00:30:00.000Z"); // 02:30 CEST, not CET
  });

  it("keeps the wall time in a zone with a half-hour DST shift and one south of the equator", () => {
    const lordHowe = expandSeries(
      spec({
        timeZone: "Australia/Lord_Howe",
        firstStart: at("2026-09-29", "10:00", "Australia/Lord_Howe"),
        count: 5,
      }),
    );
    expect(lordHowe.occurrences.every((o) => o.start === at(o.date, "10:00", "Australia/Lord_Howe"))).toBe(
      true,
    );
    const sydney = expandSeries(
      spec({
        timeZone: "Australia/Sydney",
        firstStart: at("2026-03-31", "10:00", "Australia/Sydney"),
        count: 3,
      }),
    );
    expect(sydney.occurrences).toHaveLength(3);
    expect(sydney.occurrences[1]!.start - sydney.occurrences[0]!.start).toBe((7 * 24 + 1) * 3_600_000);
  });

  it.each([
    ["both count and until", { count: 3, until: "2026-03-01" }],
    ["neither count nor until", { count: undefined }],
    ["interval 0", { interval: 0 }],
    ["fractional count", { count: 2.5 }],
    ["until before the first date", { count: undefined, until: "2026-01-05" }],
    ["invalid until", { count: undefined, until: "2026-02-30" }],
    ["unknown zone", { timeZone: "Mars/Olympus" }],
    ["seconds in firstStart", { firstStart: at("2026-01-06", "10:00") + 1_000 }],
    ["zero duration", { durationMinutes: 0 }],
    ["zero cap", { maxOccurrences: 0 }],
  ] as const)("refuses %s", (_, overrides) => {
    expect(() => expandSeries(spec(overrides))).toThrow(RangeError);
  });
});
