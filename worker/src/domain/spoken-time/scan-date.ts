import { addDays, calendarDate } from "./calendar";
import type { DateFinding, Finding, Match, Matcher, Scan } from "./findings";
import { textAt } from "./findings";
import { numberAt } from "./numbers";
import {
  DATE_CUES,
  DAY_PART_WORDS,
  DAY_UNITS,
  DOTTED_WEEKDAY_ABBREVIATIONS,
  LONG_UNITS,
  MONTH_WORDS,
  MONTHS_ONLY_WITH_DAY,
  RELATIVE_DAY_WORDS,
  TIME_CUES,
  TIME_UNITS,
  UHR_WORDS,
  WEEK_UNITS,
  WEEK_WORDS,
  WEEKDAY_WORDS,
  WEEKEND_WORDS,
  weekModifierOf,
} from "./vocabulary";

/** Matchers for the words of a date: "morgen", "nächsten Dienstag", "am 5. Dezember", "in zwei Wochen". */

const found = (length: number, ...findings: Finding[]): Match => ({ length, findings });

/**
 * A day and month without a year: the next such date on or after today. A day that does not exist in
 * that year (31 February, or 29 February outside a leap year) is reported, not moved.
 */
export function dayMonthFinding(today: string, day: number, month: number, year?: number): DateFinding {
  const invalid: DateFinding = { kind: "date-problem", reason: "invalid-date", day, month };
  if (year !== undefined) {
    const date = calendarDate(year, month, day);
    return date === null ? invalid : { kind: "date", date };
  }
  const thisYear = Number(today.slice(0, 4));
  const monthDay = month * 100 + day;
  const todayMonthDay = Number(today.slice(5, 7)) * 100 + Number(today.slice(8, 10));
  const date = calendarDate(monthDay >= todayMonthDay ? thisYear : thisYear + 1, month, day);
  return date === null ? invalid : { kind: "date", date };
}

/** "am Fünften": the next date with that day of the month, on or after today. */
function dayOfMonthFinding(today: string, day: number): DateFinding {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  // Three months cover a 31st asked for in a 30-day month followed by February.
  for (let ahead = 0; ahead < 3; ahead++) {
    const monthIndex = month - 1 + ahead;
    const date = calendarDate(year + Math.floor(monthIndex / 12), (monthIndex % 12) + 1, day);
    if (date !== null && date >= today) return { kind: "date", date };
  }
  return { kind: "date-problem", reason: "invalid-date", day, month };
}

/** "in drei Tagen", "in einer Woche", "in two weeks"; "in einem Monat" is understood but not supported. */
function inUnitsAt(scan: Scan, i: number): Match | null {
  if (textAt(scan, i) !== "in") return null;
  const article = textAt(scan, i + 1);
  const number =
    article === "a" || article === "an"
      ? { value: 1, ordinal: false, length: 1 }
      : numberAt(scan.tokens, i + 1);
  if (number === null || number.ordinal) return null;
  const unitIndex = i + 1 + number.length;
  const unit = textAt(scan, unitIndex);
  const length = unitIndex + 1 - i;
  if (DAY_UNITS.has(unit)) return found(length, { kind: "date", date: addDays(scan.today, number.value) });
  if (WEEK_UNITS.has(unit)) {
    return found(length, { kind: "date", date: addDays(scan.today, 7 * number.value) });
  }
  if (LONG_UNITS.has(unit)) return found(length, { kind: "date-problem", reason: "unsupported" });
  if (TIME_UNITS.has(unit)) return found(length, { kind: "time-problem", reason: "unsupported" });
  return null;
}

export const inUnitsMatcher: Matcher = inUnitsAt;

/** After these, "morgen" is the morning ("heute morgen", "Montag morgen", "am Morgen"), not tomorrow. */
function isMorningPosition(scan: Scan, i: number): boolean {
  const previous = textAt(scan, i - 1);
  return (
    previous === "am" ||
    WEEKDAY_WORDS.has(previous) ||
    (RELATIVE_DAY_WORDS.has(previous) && previous !== "tomorrow" && previous !== "today")
  );
}

/** "Guten Morgen", "good evening": greetings, not a date or a part of the day. */
export const greetingMatcher: Matcher = (scan, i) => {
  const word = textAt(scan, i);
  const next = textAt(scan, i + 1);
  const greeting =
    (word === "guten" && (next === "morgen" || next === "abend" || next === "tag")) ||
    (word === "good" && (next === "morning" || next === "afternoon" || next === "evening"));
  return greeting ? { length: 2, findings: [] } : null;
};

/** "heute", "morgen", "übermorgen", "the day after tomorrow", also "heute in einer Woche". */
export const relativeDayMatcher: Matcher = (scan, i) => {
  const word = textAt(scan, i);
  let offset = RELATIVE_DAY_WORDS.get(word);
  let length = 1;
  if (word === "day" && textAt(scan, i + 1) === "after" && textAt(scan, i + 2) === "tomorrow") {
    offset = 2;
    length = 3;
  }
  if (offset === undefined) return null;
  if (word === "morgen" && isMorningPosition(scan, i)) {
    return found(1, { kind: "day-part", part: "morning", named: true });
  }
  // "heute in acht Tagen": the interval counts from the named day.
  const later = inUnitsAt(scan, i + length);
  const laterDate = later?.findings[0];
  if (later && laterDate?.kind === "date") {
    const anchored = addDays(laterDate.date, offset);
    return found(length + later.length, { kind: "date", date: anchored });
  }
  return found(length, { kind: "date", date: addDays(scan.today, offset) });
};

/** A 4-digit year after a month ("5. Dezember 2026"). */
function yearAt(scan: Scan, i: number): number | undefined {
  const text = textAt(scan, i);
  if (!/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= 1900 && year <= 2200 ? year : undefined;
}

/** A number followed by these is an hour, never a day ("am 5 Uhr", "5 nach 3"). */
const TIME_FOLLOWERS: ReadonlySet<string> = new Set(["nach", "vor", "halb", "past", "to", "pm", "am"]);

/** "5. Dezember", "fünften Dezember 2026", "5th of December", and the day alone: "am Fünften", "den 5.". */
export const dayMonthMatcher: Matcher = (scan, i) => {
  const day = numberAt(scan.tokens, i);
  if (day === null || day.article) return null;
  let next = i + day.length;
  if (textAt(scan, next) === "of") next += 1;
  const month = MONTH_WORDS.get(textAt(scan, next));
  if (month !== undefined && day.value <= 99) {
    const year = yearAt(scan, next + 1);
    const length = next + 1 - i + (year === undefined ? 0 : 1);
    return found(length, dayMonthFinding(scan.today, day.value, month, year));
  }
  if (day.value < 1 || day.value > 31) return null;
  const previous = textAt(scan, i - 1);
  const following = textAt(scan, i + day.length);
  const isDigits = /^\d/.test(textAt(scan, i));
  const ordinalDay =
    day.ordinal &&
    // "um 5." is an hour at the end of a sentence; an hour is what a time-only question wants.
    !(isDigits && (TIME_CUES.has(previous) || scan.mode === "time"));
  const cuedDay =
    DATE_CUES.has(previous) && !UHR_WORDS.has(following) && !TIME_FOLLOWERS.has(following) && !day.zeroPadded;
  if (!ordinalDay && !cuedDay) return null;
  return found(day.length, dayOfMonthFinding(scan.today, day.value));
};

/** "Dezember 5", "December the 5th", or a month alone ("im Dezember": which day?). */
export const monthMatcher: Matcher = (scan, i) => {
  const word = textAt(scan, i);
  const month = MONTH_WORDS.get(word);
  if (month === undefined) return null;
  const dayIndex = textAt(scan, i + 1) === "the" ? i + 2 : i + 1;
  const day = numberAt(scan.tokens, dayIndex);
  const afterDay = day === null ? "" : textAt(scan, dayIndex + day.length);
  if (
    day !== null &&
    !day.article &&
    day.value >= 1 &&
    day.value <= 31 &&
    !UHR_WORDS.has(afterDay) &&
    !TIME_FOLLOWERS.has(afterDay)
  ) {
    const next = dayIndex + day.length;
    const year = yearAt(scan, next);
    const length = next - i + (year === undefined ? 0 : 1);
    return found(length, dayMonthFinding(scan.today, day.value, month, year));
  }
  if (MONTHS_ONLY_WITH_DAY.has(word)) return null;
  return found(1, { kind: "date-problem", reason: "month-without-day", month });
};

/** "nächsten Dienstag", "diesen Freitag", "kommende Woche", "next Tuesday", "the week after next". */
export const weekMatcher: Matcher = (scan, i) => {
  const word = textAt(scan, i);
  if (WEEK_WORDS.has(word) && textAt(scan, i + 1) === "after" && textAt(scan, i + 2) === "next") {
    return found(3, { kind: "week", week: "afterNext" });
  }
  const relation = weekModifierOf(word);
  if (relation === null) return null;
  const next = textAt(scan, i + 1);
  const weekday = WEEKDAY_WORDS.get(next);
  if (weekday !== undefined) return found(2, { kind: "weekday", weekday, relation });
  if (WEEK_WORDS.has(next)) return found(2, { kind: "week", week: relation });
  if (LONG_UNITS.has(next)) return found(2, { kind: "date-problem", reason: "unsupported" });
  return null;
};

/** "Dienstag", "Di.", "Mo", "dienstags"; "Do."/"So." only before a date ("So. 5.12."). */
export const weekdayMatcher: Matcher = (scan, i) => {
  const token = scan.tokens[i];
  if (token === undefined) return null;
  const weekday = WEEKDAY_WORDS.get(token.text);
  if (weekday !== undefined) return found(1, { kind: "weekday", weekday, relation: "plain" });
  const abbreviated = DOTTED_WEEKDAY_ABBREVIATIONS.get(token.text);
  const beforeDate = /^\d/.test(textAt(scan, i + 1)) || DATE_CUES.has(textAt(scan, i + 1));
  if (abbreviated !== undefined && token.dotted && beforeDate) {
    return found(1, { kind: "weekday", weekday: abbreviated, relation: "plain" });
  }
  if (WEEKEND_WORDS.has(token.text)) return found(1, { kind: "date-problem", reason: "weekend" });
  return null;
};

/** Tokens that start a date, so a bare hour before them is still an hour ("10 morgen", "3 am Montag"). */
export function startsDate(scan: Scan, i: number): boolean {
  const text = textAt(scan, i);
  return (
    RELATIVE_DAY_WORDS.has(text) ||
    WEEKDAY_WORDS.has(text) ||
    weekModifierOf(text) !== null ||
    DAY_PART_WORDS.has(text) ||
    DATE_CUES.has(text)
  );
}
