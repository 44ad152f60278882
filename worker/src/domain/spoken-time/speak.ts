import { isLocalDate } from "../recurrence/local-calendar";
import { localDate, localTime } from "../zoned-time";
import { datePartsOf, daysBetween, minutesOf, todayOf, weekdayOf } from "./calendar";
import { type Locale, MESSAGES, type Messages } from "./messages";
import type { SpokenTimeContext } from "./types";

/**
 * Dates and times as the agent says them: "morgen um 14:30 Uhr", "am Dienstag, dem 25. November",
 * "tomorrow at 2:30 pm". The wording lives in the message dictionaries; this file only decides which
 * form fits (today / tomorrow / a named date, the year only when it is not this year's).
 */

type SpeakingContext = Pick<SpokenTimeContext, "now" | "timeZone">;

function assertDate(date: string): void {
  if (!isLocalDate(date)) throw new RangeError(`Invalid local date: ${date}`);
}

/** `date` relative to `today` in one language's words. */
export function dateWords(messages: Messages, date: string, today: string): string {
  assertDate(date);
  const ahead = daysBetween(today, date);
  if (ahead === 0) return messages.today;
  if (ahead === 1) return messages.tomorrow;
  if (ahead === 2) return messages.dayAfterTomorrow;
  return messages.onDate(datePartsOf(date, date.slice(0, 4) !== today.slice(0, 4)));
}

/** 'HH:MM' (also "24:00") in one language's words. */
function timeWords(messages: Messages, time: string): string {
  const minutes = minutesOf(time);
  return messages.clock(Math.floor(minutes / 60), minutes % 60);
}

/** "A", "A oder B", "A, B oder C". */
export function choiceWords(messages: Messages, choices: readonly string[]): string {
  if (choices.length <= 1) return choices[0] ?? "";
  return `${choices.slice(0, -1).join(", ")} ${messages.or} ${choices[choices.length - 1]}`;
}

/** "heute", "morgen", "übermorgen", else "am Dienstag, dem 25. November" (with the year if not this year's). */
export function speakDate(date: string, ctx: SpeakingContext, locale: Locale): string {
  return dateWords(MESSAGES[locale], date, todayOf(ctx));
}

/** "14:30 Uhr", "14 Uhr" / "2:30 pm", "2 pm". Throws on anything but 'HH:MM' (or "24:00"). */
export function speakTime(time: string, locale: Locale): string {
  return timeWords(MESSAGES[locale], time);
}

/** An instant as a local date and time: "morgen um 14:30 Uhr" / "tomorrow at 2:30 pm". */
export function speakInstant(epochMs: number, ctx: SpeakingContext, locale: Locale): string {
  const messages = MESSAGES[locale];
  const instant = new Date(epochMs);
  const date = dateWords(messages, localDate(instant, ctx.timeZone), todayOf(ctx));
  return messages.dateAtTime(date, timeWords(messages, localTime(instant, ctx.timeZone)));
}

/** "Dienstag" / "Tuesday". */
export function speakWeekday(date: string, locale: Locale): string {
  assertDate(date);
  return MESSAGES[locale].weekdays[weekdayOf(date)];
}

/** Already spoken choices as a list of alternatives: "14 Uhr, 15 Uhr oder 16 Uhr". */
export function speakChoices(choices: readonly string[], locale: Locale): string {
  return choiceWords(MESSAGES[locale], choices);
}
