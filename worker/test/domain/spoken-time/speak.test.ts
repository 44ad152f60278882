import { describe, expect, it } from "vitest";
import {
  LOCALES,
  MESSAGES,
  speakChoices,
  speakDate,
  speakInstant,
  speakTime,
  speakWeekday,
} from "../../../src/domain/spoken-time";
import { at, BERLIN_WEDNESDAY } from "./fixtures";

// Today is Wednesday 2026-11-18 (Berlin).
describe("speakDate", () => {
  it.each([
    ["2026-11-18", "heute", "today"],
    ["2026-11-19", "morgen", "tomorrow"],
    ["2026-11-20", "übermorgen", "the day after tomorrow"],
    ["2026-11-24", "am Dienstag, dem 24. November", "on Tuesday, 24 November"],
    ["2026-12-05", "am Samstag, dem 5. Dezember", "on Saturday, 5 December"],
    ["2027-01-05", "am Dienstag, dem 5. Januar 2027", "on Tuesday, 5 January 2027"],
    ["2026-03-01", "am Sonntag, dem 1. März", "on Sunday, 1 March"],
  ])("%s → %j / %j", (date, german, english) => {
    expect(speakDate(date, BERLIN_WEDNESDAY, "de")).toBe(german);
    expect(speakDate(date, BERLIN_WEDNESDAY, "en")).toBe(english);
  });

  it("counts days from the local date of the call, not the UTC one", () => {
    const afterMidnight = at("2026-11-19T00:00:30+01:00");
    expect(speakDate("2026-11-19", afterMidnight, "de")).toBe("heute");
    expect(speakDate("2026-11-20", afterMidnight, "de")).toBe("morgen");
  });

  it("refuses what is not a date", () => {
    expect(() => speakDate("2026-02-30", BERLIN_WEDNESDAY, "de")).toThrow(RangeError);
  });
});

describe("speakTime", () => {
  it.each([
    ["14:30", "14:30 Uhr", "2:30 pm"],
    ["14:00", "14 Uhr", "2 pm"],
    ["09:05", "9:05 Uhr", "9:05 am"],
    ["09:00", "9 Uhr", "9 am"],
    ["12:00", "12 Uhr", "noon"],
    ["12:30", "12:30 Uhr", "12:30 pm"],
    ["00:00", "0 Uhr", "midnight"],
    ["00:30", "0:30 Uhr", "12:30 am"],
    ["24:00", "24 Uhr", "midnight"],
  ])("%s → %j / %j", (time, german, english) => {
    expect(speakTime(time, "de")).toBe(german);
    expect(speakTime(time, "en")).toBe(english);
  });

  it("refuses what is not a time", () => {
    expect(() => speakTime("25:00", "de")).toThrow(RangeError);
    expect(() => speakTime("9:00", "de")).toThrow(RangeError);
  });
});

describe("speakInstant", () => {
  it("speaks an instant as the local date and time of the branch", () => {
    const tomorrowAfternoon = Date.parse("2026-11-19T13:30:00Z");
    expect(speakInstant(tomorrowAfternoon, BERLIN_WEDNESDAY, "de")).toBe("morgen um 14:30 Uhr");
    expect(speakInstant(tomorrowAfternoon, BERLIN_WEDNESDAY, "en")).toBe("tomorrow at 2:30 pm");
    expect(speakInstant(Date.parse("2026-11-24T09:00:00Z"), BERLIN_WEDNESDAY, "de")).toBe(
      "am Dienstag, dem 24. November um 10 Uhr",
    );
    // The same instant is the evening before in New York.
    const newYork = at("2026-11-18T15:00:00Z", "America/New_York");
    expect(speakInstant(Date.parse("2026-11-19T01:30:00Z"), newYork, "de")).toBe("heute um 20:30 Uhr");
  });

  it("speaks the wall clock on DST days", () => {
    const saturday = at("2026-03-28T12:00:00+01:00");
    expect(speakInstant(Date.parse("2026-03-29T01:00:00Z"), saturday, "de")).toBe("morgen um 3 Uhr");
    const autumn = at("2026-10-24T12:00:00+02:00");
    expect(speakInstant(Date.parse("2026-10-25T00:30:00Z"), autumn, "de")).toBe("morgen um 2:30 Uhr");
    expect(speakInstant(Date.parse("2026-10-25T01:30:00Z"), autumn, "de")).toBe("morgen um 2:30 Uhr");
  });
});

describe("lists and weekdays", () => {
  it.each([
    [[], "", ""],
    [["14 Uhr"], "14 Uhr", "14 Uhr"],
    [["14 Uhr", "16 Uhr"], "14 Uhr oder 16 Uhr", "14 Uhr or 16 Uhr"],
    [["14 Uhr", "15 Uhr", "16 Uhr"], "14 Uhr, 15 Uhr oder 16 Uhr", "14 Uhr, 15 Uhr or 16 Uhr"],
  ])("%j", (choices, german, english) => {
    expect(speakChoices(choices, "de")).toBe(german);
    expect(speakChoices(choices, "en")).toBe(english);
  });

  it("names the weekday of a date", () => {
    expect(speakWeekday("2026-11-24", "de")).toBe("Dienstag");
    expect(speakWeekday("2026-11-22", "en")).toBe("Sunday");
  });

  it("every language has seven weekdays and twelve months, none of them empty", () => {
    for (const locale of LOCALES) {
      expect(MESSAGES[locale].weekdays).toHaveLength(7);
      expect(MESSAGES[locale].months).toHaveLength(12);
      expect([...MESSAGES[locale].weekdays, ...MESSAGES[locale].months].every((word) => word !== "")).toBe(
        true,
      );
    }
  });
});
