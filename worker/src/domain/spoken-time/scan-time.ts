import { HALF_DAY_MINUTES, MINUTES_PER_DAY } from "./calendar";
import type { Finding, Match, Matcher, Scan, TimeFinding } from "./findings";
import { textAt } from "./findings";
import { numberAt } from "./numbers";
import { startsDate } from "./scan-date";
import {
  BARE_HOUR_FOLLOWERS,
  DAY_PART_WORDS,
  MIDNIGHT_WORDS,
  MONTH_WORDS,
  TIME_CUES,
  UHR_WORDS,
} from "./vocabulary";

/**
 * Matchers for the words of a time: "14 Uhr 30", "halb drei", "Viertel vor fünf", "dreiviertel zehn",
 * "fünf vor halb vier", "um 3", "nachmittags", "half past two", "2 pm".
 */

const found = (length: number, ...findings: Finding[]): Match => ({ length, findings });

export interface Hour {
  value: number;
  /** 1–12 without a leading zero: a reading on a 12-hour dial, morning or afternoon still open. */
  twelveHour: boolean;
  article: boolean;
  length: number;
}

/** An hour at token `i`: digits ("3", "14", "08", "3." at a sentence's end) or a cardinal word. */
function hourAt(scan: Scan, i: number): Hour | null {
  const number = numberAt(scan.tokens, i);
  if (number === null) return null;
  const text = textAt(scan, i);
  const isDigits = /^\d/.test(text);
  // "fünften" is a day; "3." may just end the sentence.
  if (number.ordinal && !isDigits) return null;
  if (isDigits && text.length > 2) return null;
  return {
    value: number.value,
    twelveHour: number.value >= 1 && number.value <= 12 && !number.zeroPadded,
    article: number.article,
    length: number.length,
  };
}

/** The clock `offset` minutes after (negative: before) the full `hour`. */
export function clockFinding(hour: Hour, offset: number): TimeFinding {
  if (hour.value > 24 || (hour.value === 24 && offset > 0)) {
    return { kind: "time-problem", reason: "invalid-time" };
  }
  const total = hour.value * 60 + offset;
  const span = hour.twelveHour ? HALF_DAY_MINUTES : MINUTES_PER_DAY;
  return { kind: "clock", minutes: ((total % span) + span) % span, twelveHour: hour.twelveHour };
}

/** Length of an optional "Uhr" at `i` ("halb drei Uhr"). */
const uhrLength = (scan: Scan, i: number): number => (UHR_WORDS.has(textAt(scan, i)) ? 1 : 0);

const AFTER_WORDS: ReadonlySet<string> = new Set(["nach", "past", "after"]);
const BEFORE_WORDS: ReadonlySet<string> = new Set(["vor", "to", "before"]);
const MINUTE_WORDS: ReadonlySet<string> = new Set(["minuten", "minute", "min", "minutes"]);

/** `offset` minutes relative to the hour at `hourIndex`, consuming everything from `start`. */
function relativeTo(scan: Scan, start: number, hourIndex: number, offset: number): Match | null {
  const hour = hourAt(scan, hourIndex);
  if (hour === null || hour.article) return null;
  const end = hourIndex + hour.length;
  return found(end - start + uhrLength(scan, end), clockFinding(hour, offset));
}

/** "halb drei", "Viertel nach neun", "Viertel vor fünf", "viertel zehn", "dreiviertel zehn", "quarter to five". */
function quarterAndHalf(scan: Scan, i: number): Match | null {
  const word = textAt(scan, i);
  const next = textAt(scan, i + 1);
  if (word === "halb") return relativeTo(scan, i, i + 1, -30);
  if (word === "dreiviertel") return relativeTo(scan, i, i + 1, -15);
  if (word === "drei" && next === "viertel") return relativeTo(scan, i, i + 2, -15);
  if (word === "half") {
    // "half past two" and the British "half two" are both 2:30 (unlike the German "halb drei").
    return next === "past" ? relativeTo(scan, i, i + 2, 30) : relativeTo(scan, i, i + 1, 30);
  }
  if (word === "viertel" || word === "quarter") {
    if (AFTER_WORDS.has(next)) return relativeTo(scan, i, i + 2, 15);
    if (BEFORE_WORDS.has(next) || (word === "quarter" && next === "of")) {
      return relativeTo(scan, i, i + 2, -15);
    }
    // Regional (East/South German, Austrian): "viertel zehn" = 9:15, a quarter of the way to ten.
    if (word === "viertel") return relativeTo(scan, i, i + 1, -45);
  }
  return null;
}

/** "zehn nach drei", "5 vor 3", "fünf vor halb vier", "zehn Minuten nach halb neun", "ten past two". */
function minutesAround(scan: Scan, i: number): Match | null {
  const minutes = numberAt(scan.tokens, i);
  if (minutes === null || minutes.ordinal || minutes.value < 1 || minutes.value > 29) return null;
  let next = i + minutes.length;
  if (MINUTE_WORDS.has(textAt(scan, next))) next += 1;
  const direction = AFTER_WORDS.has(textAt(scan, next)) ? 1 : BEFORE_WORDS.has(textAt(scan, next)) ? -1 : 0;
  if (direction === 0) return null;
  next += 1;
  const half = textAt(scan, next) === "halb";
  if (half && minutes.value > 14) return null;
  return relativeTo(scan, i, half ? next + 1 : next, (half ? -30 : 0) + direction * minutes.value);
}

export const relativeClockMatcher: Matcher = (scan, i) => quarterAndHalf(scan, i) ?? minutesAround(scan, i);

/** Minutes after "Uhr" ("14 Uhr 30", "vierzehn Uhr dreißig"); a dotted number counts unless a month follows. */
function minutesAfterUhr(scan: Scan, i: number): { value: number; length: number } | null {
  const number = numberAt(scan.tokens, i);
  if (number === null || number.article) return null;
  const isDigits = /^\d/.test(textAt(scan, i));
  if (number.ordinal && (!isDigits || MONTH_WORDS.has(textAt(scan, i + number.length)))) return null;
  return { value: number.value, length: number.length };
}

/** "14 Uhr", "14 Uhr 30", "vierzehn Uhr dreißig", "ein Uhr", "3 o'clock". */
export const clockUhrMatcher: Matcher = (scan, i) => {
  const hour = hourAt(scan, i);
  if (hour === null) return null;
  const uhrIndex = i + hour.length;
  if (!UHR_WORDS.has(textAt(scan, uhrIndex))) return null;
  const minutes = minutesAfterUhr(scan, uhrIndex + 1);
  const length = uhrIndex + 1 - i + (minutes?.length ?? 0);
  if (minutes !== null && minutes.value > 59) {
    return found(length, { kind: "time-problem", reason: "invalid-time" });
  }
  return found(length, clockFinding(hour, minutes?.value ?? 0));
};

/** A bare hour is one only where nothing else could be meant: "um 3", "drei bitte", "10 morgen". */
function bareHourAccepted(scan: Scan, start: number, end: number): boolean {
  if (TIME_CUES.has(textAt(scan, start - 1))) return true;
  if (end >= scan.tokens.length) return true;
  const next = textAt(scan, end);
  return BARE_HOUR_FOLLOWERS.has(next) || DAY_PART_WORDS.has(next) || startsDate(scan, end);
}

/** "um 14 30", "vierzehn dreißig", "two thirty": an hour and its minutes without "Uhr". */
export const hourPairMatcher: Matcher = (scan, i) => {
  const hour = hourAt(scan, i);
  if (hour === null || hour.article || hour.value > 24) return null;
  const minuteIndex = i + hour.length;
  const minutes = numberAt(scan.tokens, minuteIndex);
  if (minutes === null || minutes.ordinal || minutes.article || minutes.value > 59) return null;
  const minuteText = textAt(scan, minuteIndex);
  // "14 30" and "14 05" are clock minutes; "3 2" is not.
  const clockLike = /^\d\d$/.test(minuteText) || (!/^\d/.test(minuteText) && minutes.value >= 10);
  const end = minuteIndex + minutes.length;
  if (!clockLike || !bareHourAccepted(scan, i, end)) return null;
  return found(end - i, clockFinding(hour, minutes.value));
};

/** "um 3", "gegen drei", "drei bitte", "at 3". Not "zwei Personen" or the article "ein". */
export const bareHourMatcher: Matcher = (scan, i) => {
  const hour = hourAt(scan, i);
  if (hour === null || hour.value > 24) return null;
  if (hour.article && textAt(scan, i - 1) !== "um") return null;
  if (!bareHourAccepted(scan, i, i + hour.length)) return null;
  return found(hour.length, clockFinding(hour, 0));
};

/** True when token `i` ends a clock reading ("8", "acht", "8:30"), so a following "am" is a.m. */
function endsClock(scan: Scan, i: number): boolean {
  return /^\d{1,2}([:.]\d\d)?$/.test(textAt(scan, i)) || hourAt(scan, i) !== null;
}

/** "nachmittags", "abends", "in der Früh", "pm", "tonight", and "am" after an hour ("8 am", not "am Montag"). */
export const dayPartMatcher: Matcher = (scan, i) => {
  const word = textAt(scan, i);
  if (word === "tonight") {
    return found(1, { kind: "date", date: scan.today }, { kind: "day-part", part: "evening", named: true });
  }
  const part = DAY_PART_WORDS.get(word);
  if (part !== undefined) return found(1, { kind: "day-part", part, named: word !== "pm" });
  if (word === "am" && endsClock(scan, i - 1)) {
    const next = i + 1;
    const germanPreposition =
      startsDate(scan, next) ||
      /^\d/.test(textAt(scan, next)) ||
      numberAt(scan.tokens, next) !== null ||
      MONTH_WORDS.has(textAt(scan, next));
    if (!germanPreposition) return found(1, { kind: "day-part", part: "morning", named: false });
  }
  return null;
};

/** "Mitternacht", "midnight": 00:00 of the day said. */
export const midnightMatcher: Matcher = (scan, i) =>
  MIDNIGHT_WORDS.has(textAt(scan, i)) ? found(1, { kind: "clock", minutes: 0, twelveHour: false }) : null;
