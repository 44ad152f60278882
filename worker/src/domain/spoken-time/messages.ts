import type { DateParts, DayPart, WeekRelation } from "./types";

/**
 * Everything the spoken-time module says, per language: the words for speaking dates and times back
 * and the follow-up questions for unclear input. Code never builds a sentence itself, so a new
 * language is one more dictionary in MESSAGES (the Locale type follows from its keys).
 */
export interface Messages {
  /** Index 0 = Monday … 6 = Sunday. */
  weekdays: readonly [string, string, string, string, string, string, string];
  /** Index 0 = January. */
  months: readonly string[];
  today: string;
  tomorrow: string;
  dayAfterTomorrow: string;
  /** A date further away, as said in a sentence: "am Dienstag, dem 25. November". */
  onDate(parts: DateParts): string;
  /** Day and month (and year) alone, for inside a sentence: "25. November". */
  dayMonth(parts: Pick<DateParts, "day" | "month" | "year">): string;
  /** A wall-clock time: "14:30 Uhr", "14 Uhr" / "2:30 pm", "2 pm". */
  clock(hour: number, minute: number): string;
  /** A time with its part of the day, for telling two readings apart: "8 Uhr morgens" / "8 am". */
  clockWithDayPart(hour: number, minute: number): string;
  /** A date phrase and a time phrase joined: "morgen um 14 Uhr" / "tomorrow at 2 pm". */
  dateAtTime(date: string, time: string): string;
  /** The last joiner of a list of alternatives: "A, B oder C". */
  or: string;

  askDate: string;
  askTime: string;
  askWhen: string;
  askExactDate: string;
  askExactTime: string;
  askTimeInDayPart(part: DayPart): string;
  askTodayOrNextWeek(weekday: string): string;
  askDayInWeek(week: WeekRelation): string;
  askDayInMonth(month: string): string;
  askSaturdayOrSunday: string;
  /** "Meinen Sie morgen oder übermorgen?": `choices` is already a spoken list. */
  askWhichOf(choices: string): string;
  /** `dayMonth` is null when not even the month exists (13th month). */
  invalidDate(dayMonth: string | null): string;
  invalidTime: string;
  pastDate: string;
  pastTime: string;
  /** The wall time falls into the spring-forward gap of that day. */
  nonexistentTime(clock: string): string;
  weekdayMismatch(dayMonth: string, actualWeekday: string, saidWeekday: string): string;
  unsupported: string;
}

const pad2 = (value: number): string => String(value).padStart(2, "0");

/** German part-of-day adverb for a reading: 8 → "morgens", 20 → "abends". */
function germanDayPartOf(hour: number): string {
  if (hour < 5) return "nachts";
  if (hour < 10) return "morgens";
  if (hour < 12) return "vormittags";
  if (hour < 14) return "mittags";
  if (hour < 18) return "nachmittags";
  return "abends";
}

const GERMAN_DAY_PART_PHRASES: Record<DayPart, string> = {
  morning: "am Vormittag",
  noon: "am Mittag",
  afternoon: "am Nachmittag",
  evening: "am Abend",
  night: "in der Nacht",
};

const GERMAN_WEEKS: Record<WeekRelation, string> = {
  this: "diese Woche",
  next: "nächste Woche",
  afterNext: "übernächste Woche",
};

const de: Messages = {
  weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
  months: [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
  ],
  today: "heute",
  tomorrow: "morgen",
  dayAfterTomorrow: "übermorgen",
  onDate: (parts) => `am ${de.weekdays[parts.weekday]}, dem ${de.dayMonth(parts)}`,
  dayMonth: (parts) =>
    `${parts.day}. ${de.months[parts.month - 1]}${parts.year === null ? "" : ` ${parts.year}`}`,
  // Full hours are said without minutes ("14 Uhr"); the hour has no leading zero, as spoken.
  clock: (hour, minute) => (minute === 0 ? `${hour} Uhr` : `${hour}:${pad2(minute)} Uhr`),
  clockWithDayPart: (hour, minute) => `${de.clock(hour, minute)} ${germanDayPartOf(hour)}`,
  dateAtTime: (date, time) => `${date} um ${time}`,
  or: "oder",

  askDate: "Welcher Tag passt Ihnen?",
  askTime: "Um wie viel Uhr?",
  askWhen: "Wann passt es Ihnen?",
  askExactDate: "Welcher Tag genau passt Ihnen?",
  askExactTime: "Welche Uhrzeit genau passt Ihnen?",
  askTimeInDayPart: (part) => `Um wie viel Uhr ${GERMAN_DAY_PART_PHRASES[part]}?`,
  askTodayOrNextWeek: (weekday) => `Meinen Sie heute oder ${weekday} nächste Woche?`,
  askDayInWeek: (week) => `Welcher Tag ${GERMAN_WEEKS[week]} passt Ihnen?`,
  askDayInMonth: (month) => `An welchem Tag im ${month}?`,
  askSaturdayOrSunday: "Meinen Sie Samstag oder Sonntag?",
  askWhichOf: (choices) => `Meinen Sie ${choices}?`,
  invalidDate: (dayMonth) =>
    `${dayMonth === null ? "Dieses Datum" : `Den ${dayMonth}`} gibt es nicht. Welcher Tag passt Ihnen?`,
  invalidTime: "Diese Uhrzeit gibt es nicht. Um wie viel Uhr passt es Ihnen?",
  pastDate: "Dieser Tag ist schon vorbei. Welcher Tag passt Ihnen?",
  pastTime: "Diese Uhrzeit ist heute schon vorbei. Um wie viel Uhr passt es Ihnen?",
  nonexistentTime: (clock) =>
    `Wegen der Zeitumstellung gibt es ${clock} an diesem Tag nicht. Um wie viel Uhr passt es Ihnen?`,
  weekdayMismatch: (dayMonth, actual, said) =>
    `Der ${dayMonth} ist ein ${actual}, kein ${said}. Welchen Tag meinen Sie?`,
  unsupported: "Das habe ich leider nicht genau verstanden. Wann passt es Ihnen?",
};

const ENGLISH_DAY_PART_PHRASES: Record<DayPart, string> = {
  morning: "in the morning",
  noon: "around noon",
  afternoon: "in the afternoon",
  evening: "in the evening",
  night: "at night",
};

const ENGLISH_WEEKS: Record<WeekRelation, string> = {
  this: "this week",
  next: "next week",
  afterNext: "the week after next",
};

/** "2:30 pm", "2 pm"; the exact hours of 12 are "noon" and "midnight", which nobody mishears. */
function englishClock(hour: number, minute: number): string {
  if (minute === 0 && hour === 12) return "noon";
  if (minute === 0 && (hour === 0 || hour === 24)) return "midnight";
  const dialHour = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 || hour === 24 ? "am" : "pm";
  return minute === 0 ? `${dialHour} ${suffix}` : `${dialHour}:${pad2(minute)} ${suffix}`;
}

const en: Messages = {
  weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  months: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  today: "today",
  tomorrow: "tomorrow",
  dayAfterTomorrow: "the day after tomorrow",
  onDate: (parts) => `on ${en.weekdays[parts.weekday]}, ${en.dayMonth(parts)}`,
  dayMonth: (parts) =>
    `${parts.day} ${en.months[parts.month - 1]}${parts.year === null ? "" : ` ${parts.year}`}`,
  clock: englishClock,
  clockWithDayPart: englishClock,
  dateAtTime: (date, time) => `${date} at ${time}`,
  or: "or",

  askDate: "Which day suits you?",
  askTime: "At what time?",
  askWhen: "When would suit you?",
  askExactDate: "Which day exactly suits you?",
  askExactTime: "Which time exactly suits you?",
  askTimeInDayPart: (part) => `At what time ${ENGLISH_DAY_PART_PHRASES[part]}?`,
  askTodayOrNextWeek: (weekday) => `Do you mean today or ${weekday} next week?`,
  askDayInWeek: (week) => `Which day ${ENGLISH_WEEKS[week]} suits you?`,
  askDayInMonth: (month) => `Which day in ${month}?`,
  askSaturdayOrSunday: "Do you mean Saturday or Sunday?",
  askWhichOf: (choices) => `Do you mean ${choices}?`,
  invalidDate: (dayMonth) =>
    `${dayMonth === null ? "That date does not exist" : `There is no ${dayMonth}`}. Which day suits you?`,
  invalidTime: "That is not a valid time. What time suits you?",
  pastDate: "That day has already passed. Which day suits you?",
  pastTime: "That time has already passed today. What time suits you?",
  nonexistentTime: (clock) =>
    `Because of the clock change, ${clock} does not exist on that day. What time suits you?`,
  weekdayMismatch: (dayMonth, actual, said) =>
    `${dayMonth} is a ${actual}, not a ${said}. Which day do you mean?`,
  unsupported: "Sorry, I did not quite get that. When would suit you?",
};

/** Every language the module speaks; German first, as most callers speak it. */
export const MESSAGES = { de, en } satisfies Record<string, Messages>;

export type Locale = keyof typeof MESSAGES;

export const LOCALES = Object.keys(MESSAGES) as Locale[];

/** One follow-up question in every language, so the agent can ask in the caller's language. */
export type Question = Readonly<Record<Locale, string>>;

/** Builds a Question by asking every dictionary for its sentence. */
export function ask(sentence: (messages: Messages) => string): Question {
  return Object.fromEntries(LOCALES.map((locale) => [locale, sentence(MESSAGES[locale])])) as Record<
    Locale,
    string
  >;
}
