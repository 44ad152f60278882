import { describe, expect, it } from "vitest";
import { resolveSpokenDate, resolveSpokenDateTime, resolveSpokenTime } from "../../../src/domain/spoken-time";
import { zonedInstant } from "../../../src/domain/zoned-time";
import { at, BERLIN_WEDNESDAY } from "./fixtures";

const both = (input: string, ctx = BERLIN_WEDNESDAY) => resolveSpokenDateTime(input, ctx);
const dateTime = (date: string | null, time: string | null, dayPart: string | null = null) => ({
  kind: "date-time",
  date,
  time,
  dayPart,
});

// Now: Wednesday 2026-11-18, 10:00 in Berlin.
describe("resolveSpokenDateTime", () => {
  it.each([
    ["morgen um halb drei", "2026-11-19", "14:30"],
    ["nächsten Dienstag 14 Uhr", "2026-11-24", "14:00"],
    ["am 5. Dezember um 10", "2026-12-05", "10:00"],
    ["Am 5.12. um 15 Uhr.", "2026-12-05", "15:00"],
    ["den 24.11. um 14:30", "2026-11-24", "14:30"],
    ["um 14 Uhr am Montag", "2026-11-23", "14:00"],
    ["Freitag 16 Uhr", "2026-11-20", "16:00"],
    ["morgen 9.10", "2026-11-19", "09:10"],
    ["9.10 um 11", "2027-10-09", "11:00"],
    ["ich hätte gern morgen einen Termin so gegen drei", "2026-11-19", "15:00"],
    ["übermorgen Viertel vor fünf", "2026-11-20", "16:45"],
    ["heute um 16 Uhr", "2026-11-18", "16:00"],
    ["tomorrow at 2:30 pm", "2026-11-19", "14:30"],
    ["next Tuesday at half past two", "2026-11-24", "14:30"],
    ["December 5 at 10", "2026-12-05", "10:00"],
  ])("%j → %s %s", (input, date, time) => {
    expect(both(input)).toEqual(dateTime(date, time));
  });

  it("reports which parts were said", () => {
    expect(both("2026-11-25")).toEqual(dateTime("2026-11-25", null));
    expect(both("14:30")).toEqual(dateTime(null, "14:30"));
    expect(both("um 3")).toEqual(dateTime(null, "15:00"));
    expect(both("morgen")).toEqual(dateTime("2026-11-19", null));
    expect(both("morgen früh")).toEqual(dateTime("2026-11-19", null, "morning"));
    expect(both("Montagnachmittag")).toEqual(dateTime("2026-11-23", null, "afternoon"));
    expect(both("heute Abend um 8")).toEqual(dateTime("2026-11-18", "20:00", "evening"));
    expect(both("tonight at 8")).toEqual(dateTime("2026-11-18", "20:00", "evening"));
    expect(both("morgen mittag")).toEqual(dateTime("2026-11-19", "12:00", "noon"));
  });

  it("reads ISO date-times as local wall-clock values in the branch's zone", () => {
    expect(both("2026-11-25T14:30:00+01:00")).toEqual(dateTime("2026-11-25", "14:30"));
    expect(both("2026-11-25T13:30:00Z")).toEqual(dateTime("2026-11-25", "14:30"));
    expect(both("2026-11-25T14:30")).toEqual(dateTime("2026-11-25", "14:30"));
    expect(both("2027-07-01T14:30:00+02:00")).toEqual(dateTime("2027-07-01", "14:30"));
    expect(both("2026-11-25T14:30:00+01:00", at("2026-11-18T09:00:00Z", "America/New_York"))).toEqual(
      dateTime("2026-11-25", "08:30"),
    );
    expect(both("2026-11-25T25:30")).toMatchObject({ kind: "unclear", reason: "invalid-time" });
  });

  it("drops the reading of an hour that has already passed today", () => {
    const longHours = at("2026-11-18T09:00:00Z", "Europe/Berlin", { open: "07:00", close: "22:00" });
    expect(both("heute um 8", longHours)).toEqual(dateTime("2026-11-18", "20:00"));
    expect(both("morgen um 8", longHours)).toMatchObject({
      kind: "unclear",
      reason: "ambiguous-half-day",
      date: "2026-11-19",
      time: null,
    });
    expect(both("heute um 9")).toMatchObject({
      kind: "unclear",
      reason: "past-time",
      question: { de: "Diese Uhrzeit ist heute schon vorbei. Um wie viel Uhr passt es Ihnen?" },
      date: "2026-11-18",
    });
    expect(both("heute um 10")).toEqual(dateTime("2026-11-18", "10:00"));
  });

  it("keeps the understood part when the other one is unclear", () => {
    expect(both("nächste Woche um 10")).toMatchObject({
      kind: "unclear",
      reason: "week-without-day",
      date: null,
      time: "10:00",
    });
    expect(both("morgen zwischen 14 und 16 Uhr")).toMatchObject({
      kind: "unclear",
      reason: "range",
      date: "2026-11-19",
      time: null,
    });
  });

  it.each([
    ["9.10", "unrecognized", "Wann passt es Ihnen?"],
    ["", "unrecognized", "Wann passt es Ihnen?"],
    ["Hallo, ich möchte einen Termin", "unrecognized", "Wann passt es Ihnen?"],
    [
      "Montag oder Dienstag um 3",
      "conflicting-dates",
      "Meinen Sie am Montag, dem 23. November oder am Dienstag, dem 24. November?",
    ],
  ])("%j is unclear (%s)", (input, reason, german) => {
    expect(both(input)).toMatchObject({ kind: "unclear", reason, question: { de: german } });
  });

  it.each([
    ["Guten Morgen, ich hätte gern einen Termin am Freitag um 3", "2026-11-20", "15:00"],
    ["good morning, Friday at 3 please", "2026-11-20", "15:00"],
    ["Um 10 am 5.12.", "2026-12-05", "10:00"],
    ["am Freitag, 20.11. um 9:30 Uhr", "2026-11-20", "09:30"],
    ["So. 22.11.", "2026-11-22", null],
    ["Di 24.11.", "2026-11-24", null],
    ["24.12", "2026-12-24", null],
    ["So gegen 3", null, "15:00"],
    ["um 3 oder so", null, "15:00"],
    ["Ich kann erst ab 17 Uhr", null, "17:00"],
    ["Dienstag um Viertel nach 10", "2026-11-24", "10:15"],
    ["um 10 vor 3", null, "14:50"],
    ["a quarter past 10", null, "10:15"],
  ])("a caller's %j → %s %s", (input, date, time) => {
    expect(both(input)).toEqual(dateTime(date, time));
  });

  it.each([
    ["3-4 Uhr", "range"],
    ["14 - 16 Uhr", "range"],
    ["kurz vor drei", "range"],
    ["nächsten Monat", "unsupported"],
    ["morgen so um 4, halb 5 rum", "conflicting-times"],
  ])("a caller's %j is unclear (%s)", (input, reason) => {
    expect(both(input)).toMatchObject({ kind: "unclear", reason });
  });

  it("offers the days of the named week when two weekdays are said", () => {
    expect(both("übernächste Woche Dienstag oder Mittwoch")).toMatchObject({
      reason: "conflicting-dates",
      options: ["2026-12-01", "2026-12-02"],
    });
  });

  it("is never confused by input that is not text or far too long", () => {
    expect(both(undefined as unknown as string)).toMatchObject({ kind: "unclear", reason: "unrecognized" });
    expect(both(`morgen ${"bla ".repeat(200)}`)).toMatchObject({ kind: "unclear", reason: "unrecognized" });
  });
});

describe("local days at midnight", () => {
  it("23:59:30 local: 'heute' is still the local date although UTC is an hour behind", () => {
    const lateEvening = at("2026-11-18T23:59:30+01:00");
    expect(resolveSpokenDate("heute", lateEvening)).toEqual({ kind: "date", date: "2026-11-18" });
    expect(resolveSpokenDate("morgen", lateEvening)).toEqual({ kind: "date", date: "2026-11-19" });
    expect(resolveSpokenDate("Donnerstag", lateEvening)).toEqual({ kind: "date", date: "2026-11-19" });
  });

  it("00:00:30 local: 'heute' is the new local date although UTC still has the previous one", () => {
    const afterMidnight = at("2026-11-19T00:00:30+01:00");
    expect(new Date(afterMidnight.now).toISOString().slice(0, 10)).toBe("2026-11-18");
    expect(resolveSpokenDate("heute", afterMidnight)).toEqual({ kind: "date", date: "2026-11-19" });
    expect(resolveSpokenDate("morgen", afterMidnight)).toEqual({ kind: "date", date: "2026-11-20" });
    expect(resolveSpokenDate("Donnerstag", afterMidnight)).toMatchObject({ reason: "ambiguous-weekday" });
  });
});

describe("DST changes in Berlin", () => {
  const beforeSpringForward = at("2026-03-28T12:00:00+01:00");
  const beforeFallBack = at("2026-10-24T12:00:00+02:00");

  it("'morgen' on the Saturday before is the DST Sunday", () => {
    expect(resolveSpokenDate("morgen", beforeSpringForward)).toEqual({ kind: "date", date: "2026-03-29" });
    expect(resolveSpokenDate("morgen", beforeFallBack)).toEqual({ kind: "date", date: "2026-10-25" });
    expect(resolveSpokenDate("Montag", beforeSpringForward)).toEqual({ kind: "date", date: "2026-03-30" });
    expect(resolveSpokenDate("morgen", at("2026-03-28T23:59:30+01:00"))).toEqual({
      kind: "date",
      date: "2026-03-29",
    });
    expect(resolveSpokenDate("heute", at("2026-03-29T03:30:00+02:00"))).toEqual({
      kind: "date",
      date: "2026-03-29",
    });
  });

  it("'halb drei' on the spring-forward day is 14:30, which exists", () => {
    expect(resolveSpokenTime("halb drei", beforeSpringForward)).toEqual({ kind: "time", time: "14:30" });
    expect(resolveSpokenDateTime("morgen um halb drei", beforeSpringForward)).toEqual(
      dateTime("2026-03-29", "14:30"),
    );
    expect(zonedInstant("2026-03-29", "14:30", "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T12:30:00.000Z",
    );
  });

  it("a wall time inside the spring-forward gap is asked about, not silently moved", () => {
    expect(resolveSpokenDateTime("morgen um halb drei nachts", beforeSpringForward)).toEqual({
      kind: "unclear",
      reason: "nonexistent-time",
      question: {
        de: "Wegen der Zeitumstellung gibt es 2:30 Uhr an diesem Tag nicht. Um wie viel Uhr passt es Ihnen?",
        en: "Because of the clock change, 2:30 am does not exist on that day. What time suits you?",
      },
      date: "2026-03-29",
      time: null,
      dayPart: "night",
    });
    expect(resolveSpokenDateTime("2026-03-29T02:30", beforeSpringForward)).toMatchObject({
      reason: "nonexistent-time",
    });
  });

  it("the repeated autumn hour exists (its first occurrence is used by zonedInstant)", () => {
    expect(resolveSpokenDateTime("morgen um halb drei nachts", beforeFallBack)).toEqual(
      dateTime("2026-10-25", "02:30", "night"),
    );
  });
});

describe("another zone", () => {
  // 03:00 UTC on Nov 18 is 22:00 on Nov 17 in New York (and 04:00 on Nov 18 in Berlin).
  const newYork = at("2026-11-18T03:00:00Z", "America/New_York");

  it("evaluates today and tomorrow in the context's zone", () => {
    expect(resolveSpokenDate("heute", newYork)).toEqual({ kind: "date", date: "2026-11-17" });
    expect(resolveSpokenDate("tomorrow", newYork)).toEqual({ kind: "date", date: "2026-11-18" });
    expect(resolveSpokenDate("Dienstag", newYork)).toMatchObject({ reason: "ambiguous-weekday" });
    expect(resolveSpokenDateTime("heute um 21 Uhr", newYork)).toMatchObject({ reason: "past-time" });
    expect(resolveSpokenDateTime("heute um 23 Uhr", newYork)).toEqual(dateTime("2026-11-17", "23:00"));
  });
});
