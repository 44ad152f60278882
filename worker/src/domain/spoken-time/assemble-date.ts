import { addDays, datePartsOf, mondayOf, nextWeekdayAfter, weekdayOf } from "./calendar";
import type { DateFinding, DateProblem, WeekdayRelation } from "./findings";
import type { Messages } from "./messages";
import { absent, foundValue, type Outcome, unclearOutcome } from "./outcome";
import { choiceWords, dateWords } from "./speak";
import type { Weekday, WeekRelation } from "./types";

/**
 * Judges the date findings of a phrase together: one day, nothing, or a question. Rules:
 * - a weekday alone is the next such day after today; today's own weekday alone is asked about;
 * - "nächsten Dienstag" is the next Tuesday after today (1–7 days ahead), "übernächsten" a week later;
 * - "diesen Freitag" is the Friday of the coming 0–6 days, i.e. today when today is Friday: "this
 *   Friday" said on a Friday means today, and the agent confirms the date it heard anyway;
 * - "nächste Woche Dienstag" is the Tuesday of the next calendar week (weeks start on Monday);
 * - a weekday said together with a date must agree with it ("Freitag, den 5. Dezember");
 * - a date before today is asked about, never moved to a later year by guessing.
 */

const WEEKS_AHEAD: Record<WeekRelation, number> = { this: 0, next: 1, afterNext: 2 };

type WeekdayFinding = { weekday: Weekday; relation: WeekdayRelation };

/** The day a weekday finding names on its own, or null when that alone is ambiguous. */
function weekdayDate(today: string, { weekday, relation }: WeekdayFinding): string | null {
  switch (relation) {
    case "plain":
      return weekday === weekdayOf(today) ? null : nextWeekdayAfter(today, weekday);
    case "next":
      return nextWeekdayAfter(today, weekday);
    case "afterNext":
      return addDays(nextWeekdayAfter(today, weekday), 7);
    case "this":
      return addDays(today, (weekday - weekdayOf(today) + 7) % 7);
  }
}

function problemOutcome(finding: { reason: DateProblem; day?: number; month?: number }): Outcome<never> {
  const { reason, day, month } = finding;
  switch (reason) {
    case "invalid-date": {
      const named = day !== undefined && month !== undefined && month >= 1 && month <= 12 && day <= 99;
      return unclearOutcome(reason, (m) =>
        m.invalidDate(named ? m.dayMonth({ day, month, year: null }) : null),
      );
    }
    case "month-without-day":
      return unclearOutcome(reason, (m) => m.askDayInMonth(m.months[(month ?? 1) - 1] ?? ""));
    case "weekend":
      return unclearOutcome(reason, (m) => m.askSaturdayOrSunday);
    case "range":
      return unclearOutcome(reason, (m) => m.askExactDate);
    case "negation":
      return unclearOutcome(reason, (m) => m.askDate);
    case "unsupported":
      return unclearOutcome(reason, (m) => m.unsupported);
    case "unrecognized":
      return unclearOutcome(reason, (m) => m.askWhen);
  }
}

/** "Meinen Sie morgen oder übermorgen?" when every alternative names a day, else "Welcher Tag genau?". */
function conflicting(today: string, candidates: readonly (string | null)[]): Outcome<never> {
  const dates = [...new Set(candidates.filter((date): date is string => date !== null))].sort();
  if (dates.length < 2 || dates.length !== candidates.length) {
    return unclearOutcome("conflicting-dates", (m) => m.askExactDate);
  }
  const spoken = (m: Messages) => dates.map((date) => dateWords(m, date, today));
  return unclearOutcome("conflicting-dates", (m) => m.askWhichOf(choiceWords(m, spoken(m))), dates);
}

function distinct<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** The one weekday said, preferring "nächsten Dienstag" over a repeated plain "Dienstag". */
function singleWeekday(weekdays: readonly WeekdayFinding[]): WeekdayFinding | "conflict" | undefined {
  if (new Set(weekdays.map((w) => w.weekday)).size > 1) return "conflict";
  const specific = distinct(
    weekdays.filter((w) => w.relation !== "plain"),
    (w) => w.relation,
  );
  if (specific.length > 1) return "conflict";
  return specific[0] ?? weekdays[0];
}

function resolveDate(findings: readonly DateFinding[], today: string): Outcome<string> {
  const problem = findings.find((finding) => finding.kind === "date-problem");
  if (problem) return problemOutcome(problem);

  const dates = [...new Set(findings.flatMap((f) => (f.kind === "date" ? [f.date] : [])))];
  const weeks = [...new Set(findings.flatMap((f) => (f.kind === "week" ? [f.week] : [])))];
  const weekdays = findings.flatMap((f) => (f.kind === "weekday" ? [f] : []));
  if (dates.length === 0 && weeks.length === 0 && weekdays.length === 0) return absent;

  if (dates.length > 1) return conflicting(today, dates);
  if (weeks.length > 1) return unclearOutcome("conflicting-dates", (m) => m.askExactDate);
  const week = weeks[0];
  const weekStart = week === undefined ? null : mondayOf(today, WEEKS_AHEAD[week]);
  const inWeek = (w: WeekdayFinding) =>
    weekStart === null ? weekdayDate(today, w) : addDays(weekStart, w.weekday);
  const weekday = singleWeekday(weekdays);
  if (weekday === "conflict") {
    return conflicting(today, distinct(weekdays, (w) => `${w.weekday}/${w.relation}`).map(inWeek));
  }

  const date = dates[0];
  if (date !== undefined) {
    if (weekStart !== null && (date < weekStart || date > addDays(weekStart, 6))) {
      return unclearOutcome("conflicting-dates", (m) => m.askExactDate);
    }
    if (weekday !== undefined && weekday.weekday !== weekdayOf(date)) {
      const parts = datePartsOf(date, date.slice(0, 4) !== today.slice(0, 4));
      return unclearOutcome("weekday-mismatch", (m) =>
        m.weekdayMismatch(m.dayMonth(parts), m.weekdays[parts.weekday], m.weekdays[weekday.weekday]),
      );
    }
    return foundValue(date);
  }
  if (weekStart !== null) {
    if (weekday === undefined || week === undefined) {
      return unclearOutcome("week-without-day", (m) => m.askDayInWeek(week ?? "next"));
    }
    return foundValue(addDays(weekStart, weekday.weekday));
  }
  if (weekday === undefined) return absent;
  const named = weekdayDate(today, weekday);
  if (named === null) {
    const inAWeek = addDays(today, 7);
    return unclearOutcome("ambiguous-weekday", (m) => m.askTodayOrNextWeek(m.weekdays[weekday.weekday]), [
      today,
      inAWeek,
    ]);
  }
  return foundValue(named);
}

/** One day from the date findings, checked not to lie in the past. */
export function assembleDate(findings: readonly DateFinding[], today: string): Outcome<string> {
  const outcome = resolveDate(findings, today);
  if (outcome.status === "found" && outcome.value < today) {
    return unclearOutcome("past-date", (m) => m.pastDate);
  }
  return outcome;
}
