import { describe, expect, it } from "vitest";
import { resolveSpokenTime } from "../../../src/domain/spoken-time";
import { at, BERLIN_WEDNESDAY } from "./fixtures";

const timeOf = (input: string, ctx = BERLIN_WEDNESDAY) => resolveSpokenTime(input, ctx);

// Default business hours 07:00–20:00 decide the 12-hour readings below.
describe("resolveSpokenTime", () => {
  it.each([
    ["14 Uhr", "14:00"],
    ["um 14 Uhr", "14:00"],
    ["14:30", "14:30"],
    ["14.30 Uhr", "14:30"],
    ["14,30 Uhr", "14:30"],
    ["14 Uhr 30", "14:30"],
    ["14h30", "14:30"],
    ["14uhr", "14:00"],
    ["vierzehn Uhr dreißig", "14:30"],
    ["vierzehn Uhr dreissig", "14:30"],
    ["vierzehn dreißig", "14:30"],
    ["um 14 30", "14:30"],
    ["neun Uhr fünfundvierzig", "09:45"],
    ["08:00", "08:00"],
    ["halb drei", "14:30"],
    ["Halb 3", "14:30"],
    ["halb zwölf", "11:30"],
    ["halb eins", "12:30"],
    ["viertel nach neun", "09:15"],
    ["Viertel vor fünf", "16:45"],
    ["dreiviertel zehn", "09:45"],
    ["drei viertel zehn", "09:45"],
    ["viertel zehn", "09:15"],
    ["um 3", "15:00"],
    ["um 10", "10:00"],
    ["um 10 Uhr", "10:00"],
    ["um 12", "12:00"],
    ["zwölf Uhr", "12:00"],
    ["um eins", "13:00"],
    ["ein Uhr", "13:00"],
    ["zehn nach drei", "15:10"],
    ["zehn Minuten nach drei", "15:10"],
    ["zwanzig vor vier", "15:40"],
    ["fünf vor halb vier", "15:25"],
    ["fünf nach halb neun", "08:35"],
    ["fünf vor zwölf", "11:55"],
    ["mittags", "12:00"],
    ["um eins mittags", "13:00"],
    ["morgens um 6", "06:00"],
    ["um 8 Uhr früh", "08:00"],
    ["in der Früh um 7", "07:00"],
    ["vormittags um 11", "11:00"],
    ["um 5 nachmittags", "17:00"],
    ["abends um 8", "20:00"],
    ["um 9 abends", "21:00"],
    ["halb acht abends", "19:30"],
    ["um 3 Uhr nachts", "03:00"],
    ["Mitternacht", "00:00"],
    ["0 Uhr", "00:00"],
    ["so gegen drei rum, bitte", "15:00"],
    ["drei", "15:00"],
    ["Um 5.", "17:00"],
    ["Um 15 Uhr.", "15:00"],
    ["ab 16 Uhr", "16:00"],
    ["gegen 11", "11:00"],
    // English basics
    ["2 pm", "14:00"],
    ["2pm", "14:00"],
    ["2 p.m.", "14:00"],
    ["10 am", "10:00"],
    ["2:30", "14:30"],
    ["2:30 pm", "14:30"],
    ["half past two", "14:30"],
    ["half two", "14:30"],
    ["quarter past nine", "09:15"],
    ["quarter to five", "16:45"],
    ["ten past three", "15:10"],
    ["at 3 o'clock", "15:00"],
    ["two thirty", "14:30"],
    ["noon", "12:00"],
    ["midnight", "00:00"],
  ])("%j → %s", (input, time) => {
    expect(timeOf(input)).toEqual({ kind: "time", time });
  });

  it("asks when both readings are within business hours, offering both", () => {
    const longHours = at("2026-11-18T09:00:00Z", "Europe/Berlin", { open: "07:00", close: "22:00" });
    expect(timeOf("um 8", longHours)).toEqual({
      kind: "unclear",
      reason: "ambiguous-half-day",
      question: { de: "Meinen Sie 8 Uhr morgens oder 20 Uhr abends?", en: "Do you mean 8 am or 8 pm?" },
      options: ["08:00", "20:00"],
    });
    expect(timeOf("um 8 abends", longHours)).toEqual({ kind: "time", time: "20:00" });
    expect(timeOf("um 20 Uhr", longHours)).toEqual({ kind: "time", time: "20:00" });
    // With the default hours 07:00–20:00 only 7 is on both sides.
    expect(timeOf("um 7")).toMatchObject({ reason: "ambiguous-half-day", options: ["07:00", "19:00"] });
    expect(timeOf("halb acht")).toMatchObject({ reason: "ambiguous-half-day", options: ["07:30", "19:30"] });
  });

  it("asks rather than guesses when neither reading is within business hours", () => {
    const shortHours = at("2026-11-18T09:00:00Z", "Europe/Berlin", { open: "09:00", close: "14:00" });
    expect(timeOf("um 3", shortHours)).toEqual({
      kind: "unclear",
      reason: "outside-business-hours",
      question: { de: "Meinen Sie 3 Uhr nachts oder 15 Uhr nachmittags?", en: "Do you mean 3 am or 3 pm?" },
      options: ["03:00", "15:00"],
    });
    expect(timeOf("halb eins", shortHours)).toEqual({ kind: "time", time: "12:30" });
    // An explicit time is returned as said: availability decides whether the salon is open then.
    expect(timeOf("15 Uhr", shortHours)).toEqual({ kind: "time", time: "15:00" });
  });

  it.each([
    ["nachmittags", "time-without-hour", "Um wie viel Uhr am Nachmittag?", "At what time in the afternoon?"],
    ["morgen früh", "time-without-hour", "Um wie viel Uhr am Vormittag?", "At what time in the morning?"],
    ["25 Uhr", "invalid-time", "Diese Uhrzeit gibt es nicht. Um wie viel Uhr passt es Ihnen?", undefined],
    ["14:75", "invalid-time", "Diese Uhrzeit gibt es nicht. Um wie viel Uhr passt es Ihnen?", undefined],
    ["14 Uhr morgens", "conflicting-times", "Welche Uhrzeit genau passt Ihnen?", undefined],
    ["morgens und abends", "conflicting-times", "Welche Uhrzeit genau passt Ihnen?", undefined],
    ["3 oder 4", "conflicting-times", "Meinen Sie 15 Uhr oder 16 Uhr?", "Do you mean 3 pm or 4 pm?"],
    ["14 Uhr oder 16 Uhr", "conflicting-times", "Meinen Sie 14 Uhr oder 16 Uhr?", undefined],
    ["zwischen 14 und 16 Uhr", "range", "Welche Uhrzeit genau passt Ihnen?", undefined],
    ["bis 16 Uhr", "range", "Welche Uhrzeit genau passt Ihnen?", undefined],
    ["vor 15 Uhr", "range", "Welche Uhrzeit genau passt Ihnen?", undefined],
    ["nicht um 3", "negation", "Um wie viel Uhr?", undefined],
    [
      "in einer Stunde",
      "unsupported",
      "Das habe ich leider nicht genau verstanden. Wann passt es Ihnen?",
      undefined,
    ],
    ["zwei Personen", "unrecognized", "Um wie viel Uhr?", "At what time?"],
    ["egal", "unrecognized", "Um wie viel Uhr?", "At what time?"],
    ["", "unrecognized", "Um wie viel Uhr?", "At what time?"],
  ])("%j is unclear (%s): %s", (input, reason, german, english) => {
    const result = timeOf(input);
    expect(result).toMatchObject({ kind: "unclear", reason, question: { de: german } });
    if (result.kind === "unclear") expect(result.question.en).toBe(english ?? result.question.en);
  });

  it("ignores the date words of a combined phrase", () => {
    expect(timeOf("morgen um halb drei")).toEqual({ kind: "time", time: "14:30" });
    expect(timeOf("heute morgen um 9")).toEqual({ kind: "time", time: "09:00" });
    expect(timeOf("Montagabend um 8")).toEqual({ kind: "time", time: "20:00" });
    expect(timeOf("am 5. Dezember um 10")).toEqual({ kind: "time", time: "10:00" });
  });
});
