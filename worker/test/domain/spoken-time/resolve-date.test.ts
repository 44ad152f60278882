import { describe, expect, it } from "vitest";
import { resolveSpokenDate } from "../../../src/domain/spoken-time";
import { at, BERLIN_WEDNESDAY } from "./fixtures";

// Today is Wednesday 2026-11-18 (Berlin).
const dateOf = (input: string, ctx = BERLIN_WEDNESDAY) => resolveSpokenDate(input, ctx);

describe("resolveSpokenDate", () => {
  it.each([
    ["heute", "2026-11-18"],
    ["Heute bitte", "2026-11-18"],
    ["morgen", "2026-11-19"],
    ["MORGEN", "2026-11-19"],
    ["übermorgen", "2026-11-20"],
    ["uebermorgen", "2026-11-20"],
    ["am Montag", "2026-11-23"],
    ["Dienstag", "2026-11-24"],
    ["Donnerstag", "2026-11-19"],
    ["Sonntag", "2026-11-22"],
    ["Sonnabend", "2026-11-21"],
    ["Mo", "2026-11-23"],
    ["Di.", "2026-11-24"],
    ["dienstags", "2026-11-24"],
    ["nächsten Dienstag", "2026-11-24"],
    ["naechsten Dienstag", "2026-11-24"],
    ["nächsten Mittwoch", "2026-11-25"],
    ["kommenden Freitag", "2026-11-20"],
    ["diesen Freitag", "2026-11-20"],
    ["diesen Mittwoch", "2026-11-18"],
    ["übernächsten Dienstag", "2026-12-01"],
    ["nächste Woche Dienstag", "2026-11-24"],
    ["Dienstag nächste Woche", "2026-11-24"],
    ["nächste Woche am Montag", "2026-11-23"],
    ["übernächste Woche Freitag", "2026-12-04"],
    ["diese Woche Freitag", "2026-11-20"],
    ["in zwei Wochen", "2026-12-02"],
    ["in einer Woche", "2026-11-25"],
    ["in 3 Tagen", "2026-11-21"],
    ["in drei Tagen", "2026-11-21"],
    ["in vierzehn Tagen", "2026-12-02"],
    ["heute in einer Woche", "2026-11-25"],
    ["am 5. Dezember", "2026-12-05"],
    ["den fünften Dezember", "2026-12-05"],
    ["fünften Dezember", "2026-12-05"],
    ["5. Dez.", "2026-12-05"],
    ["am 5.12.", "2026-12-05"],
    ["5.12.2026", "2026-12-05"],
    ["05.12.26", "2026-12-05"],
    ["2026-12-05", "2026-12-05"],
    ["am 1. März", "2027-03-01"],
    ["1. Maerz", "2027-03-01"],
    ["ersten Januar", "2027-01-01"],
    ["18. November", "2026-11-18"],
    ["17. November", "2027-11-17"],
    ["einunddreißigsten Dezember", "2026-12-31"],
    ["am zwanzigsten", "2026-11-20"],
    ["am Fünften", "2026-12-05"],
    ["den 30.", "2026-11-30"],
    ["Samstag, den 5. Dezember", "2026-12-05"],
    ["heute, Mittwoch", "2026-11-18"],
    ["Ich hätte gern übermorgen einen Termin", "2026-11-20"],
    ["morgen um 14 Uhr", "2026-11-19"],
    // English basics
    ["today", "2026-11-18"],
    ["tomorrow", "2026-11-19"],
    ["the day after tomorrow", "2026-11-20"],
    ["on Tuesday", "2026-11-24"],
    ["next Tuesday", "2026-11-24"],
    ["this Friday", "2026-11-20"],
    ["next week Monday", "2026-11-23"],
    ["in two weeks", "2026-12-02"],
    ["in a week", "2026-11-25"],
    ["December 5", "2026-12-05"],
    ["December 5th", "2026-12-05"],
    ["the 5th of December", "2026-12-05"],
    ["on the twenty-first", "2026-11-21"],
  ])("%j → %s", (input, date) => {
    expect(dateOf(input)).toEqual({ kind: "date", date });
  });

  it("asks when today's weekday is said alone: today or in a week?", () => {
    expect(dateOf("Mittwoch")).toEqual({
      kind: "unclear",
      reason: "ambiguous-weekday",
      question: {
        de: "Meinen Sie heute oder Mittwoch nächste Woche?",
        en: "Do you mean today or Wednesday next week?",
      },
      options: ["2026-11-18", "2026-11-25"],
    });
  });

  it.each([
    ["nächste Woche", "week-without-day", "Welcher Tag nächste Woche passt Ihnen?"],
    ["next week", "week-without-day", "Welcher Tag nächste Woche passt Ihnen?"],
    ["im Dezember", "month-without-day", "An welchem Tag im Dezember?"],
    ["am Wochenende", "weekend", "Meinen Sie Samstag oder Sonntag?"],
    ["31. Februar", "invalid-date", "Den 31. Februar gibt es nicht. Welcher Tag passt Ihnen?"],
    ["30.02.", "invalid-date", "Den 30. Februar gibt es nicht. Welcher Tag passt Ihnen?"],
    ["29.2.2027", "invalid-date", "Den 29. Februar gibt es nicht. Welcher Tag passt Ihnen?"],
    ["5.13.2026", "invalid-date", "Dieses Datum gibt es nicht. Welcher Tag passt Ihnen?"],
    ["2026-02-30", "invalid-date", "Den 30. Februar gibt es nicht. Welcher Tag passt Ihnen?"],
    ["gestern", "past-date", "Dieser Tag ist schon vorbei. Welcher Tag passt Ihnen?"],
    ["5.12.2025", "past-date", "Dieser Tag ist schon vorbei. Welcher Tag passt Ihnen?"],
    [
      "Freitag, den 5. Dezember",
      "weekday-mismatch",
      "Der 5. Dezember ist ein Samstag, kein Freitag. Welchen Tag meinen Sie?",
    ],
    ["morgen oder übermorgen", "conflicting-dates", "Meinen Sie morgen oder übermorgen?"],
    [
      "Montag oder Dienstag",
      "conflicting-dates",
      "Meinen Sie am Montag, dem 23. November oder am Dienstag, dem 24. November?",
    ],
    ["nicht morgen", "negation", "Welcher Tag passt Ihnen?"],
    ["bis Freitag", "range", "Welcher Tag genau passt Ihnen?"],
    ["5/12", "unsupported", "Das habe ich leider nicht genau verstanden. Wann passt es Ihnen?"],
    ["in zwei Monaten", "unsupported", "Das habe ich leider nicht genau verstanden. Wann passt es Ihnen?"],
    ["irgendwann", "unrecognized", "Welcher Tag passt Ihnen?"],
    ["", "unrecognized", "Welcher Tag passt Ihnen?"],
    ["um 14 Uhr", "unrecognized", "Welcher Tag passt Ihnen?"],
  ])("%j is unclear (%s): %s", (input, reason, german) => {
    const result = dateOf(input);
    expect(result).toMatchObject({ kind: "unclear", reason, question: { de: german } });
    if (result.kind === "unclear") expect(result.question.en).not.toBe("");
  });

  it("speaks the year of a date that is not in the current year in questions", () => {
    expect(dateOf("Montag, 5.1.2027")).toMatchObject({
      reason: "weekday-mismatch",
      question: { de: "Der 5. Januar 2027 ist ein Dienstag, kein Montag. Welchen Tag meinen Sie?" },
    });
  });

  it("rolls a day and month that have passed this year over to next year, but not an explicit year", () => {
    const lateDecember = at("2026-12-30T12:00:00+01:00");
    expect(dateOf("5. Januar", lateDecember)).toEqual({ kind: "date", date: "2027-01-05" });
    expect(dateOf("am Fünften", lateDecember)).toEqual({ kind: "date", date: "2027-01-05" });
    expect(dateOf("29. Februar", lateDecember)).toMatchObject({ reason: "invalid-date" });
    expect(dateOf("29. Februar", at("2027-12-30T12:00:00+01:00"))).toEqual({
      kind: "date",
      date: "2028-02-29",
    });
  });

  it("an ISO date-time gives its local date in the branch's zone", () => {
    expect(dateOf("2026-11-25T23:30:00Z")).toEqual({ kind: "date", date: "2026-11-26" });
    expect(dateOf("2026-11-25T23:30:00Z", at("2026-11-18T09:00:00Z", "America/New_York"))).toEqual({
      kind: "date",
      date: "2026-11-25",
    });
  });
});
