import { localDate, localTime } from "../zoned-time";
import { calendarDate, minutesOf } from "./calendar";
import type { DateFinding, Finding, Match, Matcher, TimeFinding } from "./findings";
import { textAt } from "./findings";
import { dayMonthFinding } from "./scan-date";
import { clockFinding } from "./scan-time";
import { DATE_CUES, TIME_CUES, UHR_WORDS } from "./vocabulary";

/**
 * Matchers for written values: ISO dates and date-times from the agent ("2026-12-05",
 * "2026-11-25T14:30:00+01:00") and digits as speech recognisers write them ("5.12.", "05.12.26",
 * "14:30", "14.30 Uhr", and "9.10", which is a date or a time depending on the rest of the phrase).
 */

const found = (length: number, ...findings: Finding[]): Match => ({ length, findings });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})t(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(z|[+-]\d{2}(?::?\d{2})?)?$/;

const invalidTime: TimeFinding = { kind: "time-problem", reason: "invalid-time" };

function isoDateFinding(year: string, month: string, day: string): DateFinding {
  const date = calendarDate(Number(year), Number(month), Number(day));
  return date === null
    ? { kind: "date-problem", reason: "invalid-date", day: Number(day), month: Number(month) }
    : { kind: "date", date };
}

/** "+01", "+0100", "+01:00", "z" → "+01:00" / "Z", the form every Date parser accepts. */
function offsetOf(raw: string): string {
  if (raw === "z") return "Z";
  const digits = raw.slice(1).replace(":", "");
  return `${raw[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || "00"}`;
}

/**
 * An ISO date-time. With an offset it names an instant, read back as the wall clock in the branch's
 * zone; without one it already is a wall-clock value in that zone.
 */
export const isoMatcher: Matcher = (scan, i) => {
  const text = textAt(scan, i);
  const dateOnly = ISO_DATE.exec(text);
  if (dateOnly) return found(1, isoDateFinding(dateOnly[1] ?? "", dateOnly[2] ?? "", dateOnly[3] ?? ""));
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const [, year = "", month = "", day = "", hour = "", minute = "", second = "00", offset] = match;
  const date = isoDateFinding(year, month, day);
  if (date.kind !== "date" || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return found(1, date, invalidTime);
  }
  if (offset === undefined) {
    return found(1, date, { kind: "clock", minutes: Number(hour) * 60 + Number(minute), twelveHour: false });
  }
  const instant = new Date(`${date.date}T${hour}:${minute}:${second}${offsetOf(offset)}`);
  if (Number.isNaN(instant.getTime())) return found(1, date, invalidTime);
  return found(
    1,
    { kind: "date", date: localDate(instant, scan.ctx.timeZone) },
    { kind: "clock", minutes: minutesOf(localTime(instant, scan.ctx.timeZone)), twelveHour: false },
  );
};

/** "14:30", "08:15 Uhr": a colon always means a clock. */
function colonClock(text: string): TimeFinding | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (minute > 59) return invalidTime;
  const zeroPadded = (match[1] ?? "").length === 2 && (match[1] ?? "").startsWith("0");
  return clockFinding(
    { value: hour, twelveHour: hour >= 1 && hour <= 12 && !zeroPadded, article: false, length: 1 },
    minute,
  );
}

/** "14.30" as a clock, or null when it cannot be one (the minutes need two digits). */
function dottedClock(hourText: string, minuteText: string): TimeFinding | null {
  if (minuteText.length !== 2) return null;
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59) return null;
  const zeroPadded = hourText.length === 2 && hourText.startsWith("0");
  return clockFinding(
    { value: hour, twelveHour: hour >= 1 && hour <= 12 && !zeroPadded, article: false, length: 1 },
    minute,
  );
}

export const numericMatcher: Matcher = (scan, i) => {
  const token = scan.tokens[i];
  if (token === undefined || !/^\d/.test(token.text)) return null;
  const text = token.text;
  const uhr = UHR_WORDS.has(textAt(scan, i + 1)) ? 1 : 0;

  // "5/12" is the 5th of December in Europe and May 12th in the US: ask rather than pick one.
  if (/^\d{1,4}(\/\d{1,4})+$/.test(text)) return found(1, { kind: "date-problem", reason: "unsupported" });

  const colon = colonClock(text);
  if (colon !== null) return found(1 + uhr, colon);

  const withYear = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
  if (withYear) {
    const [, day = "", month = "", yearText = ""] = withYear;
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    return found(1, dayMonthFinding(scan.today, Number(day), Number(month), year));
  }

  const pair = /^(\d{1,2})\.(\d{1,2})$/.exec(text);
  if (!pair) return null;
  const [, first = "", second = ""] = pair;
  const day = Number(first);
  const month = Number(second);
  const asDate =
    day >= 1 && day <= 31 && month >= 1 && month <= 12 ? dayMonthFinding(scan.today, day, month) : null;
  const asTime = dottedClock(first, second);
  if (uhr === 1) return found(2, asTime ?? invalidTime);
  // "5.12." with its closing dot is written as a date; "14.30." ends a sentence.
  if (token.dotted) return asDate ? found(1, asDate) : asTime ? found(1, asTime) : null;
  if (asDate === null) return asTime ? found(1, asTime) : null;
  if (asTime === null) return found(1, asDate);
  const previous = textAt(scan, i - 1);
  if (TIME_CUES.has(previous) || scan.mode === "time") return found(1, asTime);
  if (DATE_CUES.has(previous) || scan.mode === "date") return found(1, asDate);
  return found(1, { kind: "date-or-time", date: asDate, time: asTime });
};
