import type { Question } from "./messages";
import type { DayPart } from "./types";

/** Why a phrase could not be turned into one date or time; the agent asks `question` instead. */
export type UnclearReason =
  /** Nothing date- or time-like was understood. */
  | "unrecognized"
  /** The weekday said alone is today's weekday: today or in a week? */
  | "ambiguous-weekday"
  /** "nächste Woche" without a day. */
  | "week-without-day"
  /** "im Dezember" without a day. */
  | "month-without-day"
  /** "am Wochenende": Saturday or Sunday. */
  | "weekend"
  /** "31. Februar", "5.13.". */
  | "invalid-date"
  /** The date lies before today. */
  | "past-date"
  /** "Freitag, den 5. Dezember" when the 5th is a Saturday. */
  | "weekday-mismatch"
  /** Two different days were said ("Montag oder Dienstag"). */
  | "conflicting-dates"
  /** Two different times were said, or a time that contradicts its part of day ("14 Uhr morgens"). */
  | "conflicting-times"
  /** "zwischen 14 und 16 Uhr", "bis Freitag", "vor 15 Uhr": a range, not a point. */
  | "range"
  /** "nicht morgen", "außer Montag": a negation cannot be resolved to a point. */
  | "negation"
  /** Understood but not supported: "in zwei Monaten", "in einer Stunde". */
  | "unsupported"
  /** Only a part of the day ("morgen nachmittag") where a time is needed. */
  | "time-without-hour"
  /** Both the morning and the afternoon reading of the hour are within business hours. */
  | "ambiguous-half-day"
  /** Neither reading of the hour is within business hours: ask rather than book a night slot. */
  | "outside-business-hours"
  /** "25 Uhr", "14:75". */
  | "invalid-time"
  /** Today, and the time has passed. */
  | "past-time"
  /** The wall time does not exist on that day (spring-forward gap). */
  | "nonexistent-time";

export interface Unclear {
  kind: "unclear";
  reason: UnclearReason;
  /** A short question to speak next, in every language. */
  question: Question;
  /** The values the question offers ('YYYY-MM-DD' or 'HH:MM'), so the answer can be matched. */
  options?: readonly string[];
}

export type SpokenDate = { kind: "date"; date: string } | Unclear;

export type SpokenTime = { kind: "time"; time: string } | Unclear;

/** What a combined phrase said; each part is null when it was not said. */
export interface DateTimeParts {
  date: string | null;
  time: string | null;
  /** The part of the day named ("morgen nachmittag"), whether or not an exact time was said too. */
  dayPart: DayPart | null;
}

/** An unclear combined phrase still reports the parts it did understand ("morgen, aber wann?"). */
export type SpokenDateTime = ({ kind: "date-time" } & DateTimeParts) | (Unclear & DateTimeParts);
