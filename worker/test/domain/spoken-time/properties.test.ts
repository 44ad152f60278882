import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../../../src/domain/recurrence/local-calendar";
import {
  LOCALES,
  resolveSpokenDate,
  resolveSpokenDateTime,
  resolveSpokenTime,
  type SpokenTimeContext,
  speakInstant,
  speakTime,
} from "../../../src/domain/spoken-time";
import { localDate, localTime, nextLocalDate } from "../../../src/domain/zoned-time";
import { ZONES } from "./fixtures";

const anyNow = fc.date({
  min: new Date("2020-01-01T00:00:00Z"),
  max: new Date("2035-12-31T00:00:00Z"),
  noInvalidDate: true,
});
const anyContext = fc
  .record({ now: anyNow, timeZone: fc.constantFrom(...ZONES) })
  .map(({ now, timeZone }): SpokenTimeContext => ({ now: now.getTime(), timeZone }));

const WEEKDAY_NAMES = [
  ["Montag", "montags", "Mo", "Monday"],
  ["Dienstag", "Di.", "Tuesday", "tue"],
  ["Mittwoch", "Mi", "Wednesday", "wed"],
  ["Donnerstag", "donnerstags", "Thursday", "thu"],
  ["Freitag", "Fr.", "Friday", "fri"],
  ["Samstag", "Sonnabend", "Sa", "Saturday"],
  ["Sonntag", "sonntags", "Sunday", "sun"],
];
const GERMAN_NUMBERS = [
  "null",
  "einem",
  "zwei",
  "drei",
  "vier",
  "fünf",
  "sechs",
  "sieben",
  "acht",
  "neun",
  "zehn",
];

/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (date: string) => (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
const todayOf = (ctx: SpokenTimeContext) => localDate(new Date(ctx.now), ctx.timeZone);

describe("date properties, for any moment 2020–2035 in any zone", () => {
  it("'heute' is the local date and 'morgen' the next local date", () => {
    fc.assert(
      fc.property(anyContext, (ctx) => {
        const today = todayOf(ctx);
        expect(resolveSpokenDate("heute", ctx)).toEqual({ kind: "date", date: today });
        expect(resolveSpokenDate("morgen", ctx)).toEqual({ kind: "date", date: nextLocalDate(today) });
        expect(resolveSpokenDate("übermorgen", ctx)).toEqual({ kind: "date", date: addDays(today, 2) });
      }),
    );
  });

  it("a weekday name is that weekday 1–6 days ahead (today's asks); 'nächsten' is 1–7 days ahead", () => {
    fc.assert(
      fc.property(
        anyContext,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        (ctx, day, form) => {
          const today = todayOf(ctx);
          const name = WEEKDAY_NAMES[day]?.[form] ?? "";
          const plain = resolveSpokenDate(name, ctx);
          if (day === weekdayOf(today)) {
            expect(plain).toMatchObject({
              kind: "unclear",
              reason: "ambiguous-weekday",
              options: [today, addDays(today, 7)],
            });
          } else {
            if (plain.kind !== "date") throw new Error(`${name}: ${JSON.stringify(plain)}`);
            expect(weekdayOf(plain.date)).toBe(day);
            expect(daysBetween(today, plain.date)).toBeGreaterThanOrEqual(1);
            expect(daysBetween(today, plain.date)).toBeLessThanOrEqual(6);
          }
          const next = resolveSpokenDate(`nächsten ${WEEKDAY_NAMES[day]?.[0]}`, ctx);
          if (next.kind !== "date") throw new Error(JSON.stringify(next));
          expect(weekdayOf(next.date)).toBe(day);
          expect(daysBetween(today, next.date)).toBeGreaterThanOrEqual(1);
          expect(daysBetween(today, next.date)).toBeLessThanOrEqual(7);
        },
      ),
    );
  });

  it("'in N Tagen' is today + N, in digits or in words", () => {
    fc.assert(
      fc.property(anyContext, fc.integer({ min: 0, max: 400 }), (ctx, days) => {
        const expected = { kind: "date", date: addDays(todayOf(ctx), days) };
        expect(resolveSpokenDate(`in ${days} Tagen`, ctx)).toEqual(expected);
        const word = GERMAN_NUMBERS[days];
        if (word !== undefined) expect(resolveSpokenDate(`in ${word} Tagen`, ctx)).toEqual(expected);
      }),
    );
  });
});

/** Every 5-minute wall time of a day. */
const FIVE_MINUTE_TIMES = Array.from({ length: 288 }, (_, index) => {
  const minutes = index * 5;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
});
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const within = (hours: { open: string; close: string }, minutes: number) =>
  minutes >= minutesOf(hours.open) && minutes < (hours.close === "24:00" ? 1440 : minutesOf(hours.close));
/** The other reading of a 12-hour dial ("7 Uhr": 07:00 and 19:00), or null for 0:xx and 13:xx–23:xx. */
const otherReading = (minutes: number) => {
  const hour = Math.floor(minutes / 60);
  if (hour >= 1 && hour <= 11) return minutes + 720;
  if (hour === 12) return minutes - 720;
  return null;
};

describe("speaking a time and hearing it back", () => {
  it.each([
    { open: "08:00", close: "20:00" },
    { open: "09:00", close: "18:00" },
    { open: "10:00", close: "22:00" },
  ])("every 5-minute time within %o comes back unchanged", (businessHours) => {
    const ctx = { now: Date.parse("2026-11-18T09:00:00Z"), timeZone: "Europe/Berlin", businessHours };
    for (const time of FIVE_MINUTE_TIMES.filter((t) => within(businessHours, minutesOf(t)))) {
      expect(resolveSpokenTime(speakTime(time, "de"), ctx), time).toEqual({ kind: "time", time });
    }
  });

  it.each([
    { open: "07:00", close: "20:00" },
    { open: "06:00", close: "23:00" },
    { open: "00:00", close: "24:00" },
  ])(
    "within %o, a time whose 12-hour twin is open too is asked about, all others come back",
    (businessHours) => {
      // "7 Uhr" is 07:00 or 19:00 when both are open: the parser asks instead of guessing.
      const ctx = { now: Date.parse("2026-11-18T09:00:00Z"), timeZone: "Europe/Berlin", businessHours };
      for (const time of FIVE_MINUTE_TIMES.filter((t) => within(businessHours, minutesOf(t)))) {
        const result = resolveSpokenTime(speakTime(time, "de"), ctx);
        const twin = otherReading(minutesOf(time));
        if (twin !== null && within(businessHours, twin)) {
          expect(result, time).toMatchObject({ kind: "unclear", reason: "ambiguous-half-day" });
          expect(result.kind === "unclear" ? result.options : [], time).toContain(time);
        } else {
          expect(result, time).toEqual({ kind: "time", time });
        }
      }
    },
  );

  it("a spoken future instant within business hours resolves to its local date and time, in both languages", () => {
    const zone = fc.constantFrom(...ZONES);
    fc.assert(
      fc.property(anyNow, zone, fc.integer({ min: 1, max: 60 * 24 * 400 }), (now, timeZone, minutesAhead) => {
        const businessHours = { open: "08:00", close: "20:00" };
        const ctx = { now: now.getTime(), timeZone, businessHours };
        const instant = Math.floor((now.getTime() + minutesAhead * 60_000) / 300_000) * 300_000 + 300_000;
        const date = localDate(new Date(instant), timeZone);
        const time = localTime(new Date(instant), timeZone);
        fc.pre(within(businessHours, minutesOf(time)));
        for (const locale of LOCALES) {
          const spoken = speakInstant(instant, ctx, locale);
          // "noon" also names its part of the day; the date and time are what must come back.
          expect(resolveSpokenDateTime(spoken, ctx), spoken).toMatchObject({ kind: "date-time", date, time });
        }
      }),
    );
  });
});

const VOCABULARY = [
  "morgen",
  "heute",
  "übermorgen",
  "um",
  "am",
  "halb",
  "viertel",
  "vor",
  "nach",
  "drei",
  "zehn",
  "Uhr",
  "14",
  "14:30",
  "5.",
  "5.12.",
  "9.10",
  "Dezember",
  "Dienstag",
  "nächsten",
  "Woche",
  "in",
  "Tagen",
  "nicht",
  "bis",
  "abends",
  "früh",
  "pm",
  "am",
  "the",
  "of",
  "2026-13-45",
  "2026-03-29T02:30",
  "dreiviertel",
  "25",
  "0",
  "ein",
  "einunddreißigsten",
  "Februar",
  "31.",
  "-",
  ".",
  ":",
  "oder",
  "zwischen",
  "twenty",
  "five",
  "past",
  "quarter",
];

describe("robustness", () => {
  /** Every result is well-formed: a real date, a real time, or a question in every language. */
  function expectWellFormed(input: string, ctx: SpokenTimeContext) {
    const results = [
      resolveSpokenDate(input, ctx),
      resolveSpokenTime(input, ctx),
      resolveSpokenDateTime(input, ctx),
    ];
    for (const result of results) {
      if (result.kind === "unclear") {
        for (const locale of LOCALES) expect(result.question[locale]).toMatch(/\S/);
      }
      const date = "date" in result ? result.date : null;
      const time = "time" in result ? result.time : null;
      if (date) expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      if (time) expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    }
  }

  it("never throws, whatever the caller says", () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary", maxLength: 600 }),
      fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 8 }).map((words) => words.join(" ")),
      fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 8 }).map((words) => words.join("")),
    );
    fc.assert(
      fc.property(text, anyContext, (input, ctx) => {
        expectWellFormed(input, ctx);
      }),
      { numRuns: 500 },
    );
  });
});
