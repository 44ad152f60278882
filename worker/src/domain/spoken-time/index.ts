/**
 * Dates and times as German (and English) callers say them, resolved in a branch's zone, and spoken
 * back for the voice agent. Pure: no I/O, the clock is passed in as ctx.now.
 */
export { LOCALES, type Locale, MESSAGES, type Messages, type Question } from "./messages";
export { resolveSpokenDate, resolveSpokenDateTime, resolveSpokenTime } from "./resolve";
export type {
  DateTimeParts,
  SpokenDate,
  SpokenDateTime,
  SpokenTime,
  Unclear,
  UnclearReason,
} from "./results";
export { speakChoices, speakDate, speakInstant, speakTime, speakWeekday } from "./speak";
export type { DayPart, SpokenTimeContext, Weekday } from "./types";
export { isWallTimeValid } from "./wall-time";
