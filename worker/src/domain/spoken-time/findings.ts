import type { Token } from "./tokens";
import type { DayPart, SpokenTimeContext, Weekday, WeekRelation } from "./types";

/**
 * What the scanner recognised in a phrase, before anything is decided. Findings are collected for the
 * whole phrase first and judged together afterwards, so "Freitag, den 5. Dezember" can be checked for
 * consistency and "3 oder 4" is seen as two answers rather than the last one winning.
 */

/** "nächsten Dienstag" (next), "diesen Freitag" (this), "übernächsten Montag", or just "Dienstag". */
export type WeekdayRelation = "plain" | WeekRelation;

export type DateProblem =
  | "invalid-date"
  | "month-without-day"
  | "weekend"
  | "range"
  | "negation"
  | "unsupported"
  /** "9.10" alone in a phrase that has neither another date nor another time to tell which it is. */
  | "unrecognized";
export type TimeProblem = "invalid-time" | "range" | "negation" | "unsupported";

export type DateFinding =
  /** A day already fixed: "morgen", "5.12.", "in drei Tagen". */
  | { kind: "date"; date: string }
  | { kind: "weekday"; weekday: Weekday; relation: WeekdayRelation }
  | { kind: "week"; week: WeekRelation }
  | { kind: "date-problem"; reason: DateProblem; day?: number; month?: number };

export type TimeFinding =
  /**
   * A clock reading. On a 12-hour dial ("um 3", "halb drei") `minutes` is in [0, 720) and the
   * reading is `minutes` or `minutes + 720`; otherwise it is the exact minute of the day.
   */
  | { kind: "clock"; minutes: number; twelveHour: boolean }
  /** `named`: said as a part of the day ("nachmittags"), not just as a.m./p.m. of a clock reading. */
  | { kind: "day-part"; part: DayPart; named: boolean }
  | { kind: "time-problem"; reason: TimeProblem };

/** "9.10" said alone: the 9th of October or 9:10. Settled once the rest of the phrase is known. */
export type DateOrTimeFinding = { kind: "date-or-time"; date: DateFinding; time: TimeFinding };

export type Finding = DateFinding | TimeFinding | DateOrTimeFinding;

export const isDateFinding = (finding: Finding): finding is DateFinding =>
  finding.kind === "date" ||
  finding.kind === "weekday" ||
  finding.kind === "week" ||
  finding.kind === "date-problem";

export const isTimeFinding = (finding: Finding): finding is TimeFinding =>
  finding.kind === "clock" || finding.kind === "day-part" || finding.kind === "time-problem";

/** Which reading the caller of the scanner wants for tokens that could be either ("9.10", "5."). */
export type ScanMode = "date" | "time" | "both";

export interface Scan {
  tokens: readonly Token[];
  mode: ScanMode;
  /** The caller's local date at the call's start. */
  today: string;
  ctx: SpokenTimeContext;
}

export interface Match {
  /** Tokens consumed. */
  length: number;
  findings: Finding[];
}

/** Tries to recognise something starting at token `i`. */
export type Matcher = (scan: Scan, i: number) => Match | null;

export const textAt = (scan: Scan, i: number): string => scan.tokens[i]?.text ?? "";
