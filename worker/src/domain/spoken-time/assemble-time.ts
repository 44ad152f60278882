import { businessHoursOf, clockOf, HALF_DAY_MINUTES } from "./calendar";
import type { TimeFinding, TimeProblem } from "./findings";
import type { Messages } from "./messages";
import { absent, foundValue, type Outcome, unclearOutcome } from "./outcome";
import { choiceWords } from "./speak";
import type { DayPart, SpokenTimeContext } from "./types";

/**
 * Judges the time findings of a phrase together. An hour on a 12-hour dial ("um 3", "halb drei") has
 * a morning and an afternoon reading:
 * - a part of the day said with it decides ("um 3 nachmittags", "8 pm");
 * - otherwise the business hours decide when exactly one reading falls within them ("um 3" → 15:00);
 * - both within (e.g. 07:00–22:00 and "um 8") → ask which one;
 * - neither within ("um 3" at a salon open 09:00–14:00) → ask too, offering both readings: a night
 *   slot is never what a salon caller means, and the afternoon reading is after closing, so the
 *   caller's answer (an explicit time) goes to the slot search, which knows the real opening hours.
 * Times said unambiguously ("15 Uhr", "08:00", "3 Uhr nachts") are returned as said, inside business
 * hours or not: availability, not this parser, decides whether the salon is open then.
 */

/** Minute windows [from, to) of each part of the day, loose enough for how people use the words. */
const DAY_PART_WINDOWS: Record<DayPart, readonly (readonly [number, number])[]> = {
  morning: [[0, 720]],
  noon: [[660, 900]],
  afternoon: [[720, 1440]],
  evening: [[960, 1440]],
  night: [
    [0, 360],
    [1260, 1440],
  ],
};

const inDayPart = (part: DayPart, minutes: number): boolean =>
  DAY_PART_WINDOWS[part].some(([from, to]) => minutes >= from && minutes < to);

/** Today's date context, for dropping readings that have already passed. */
export interface SameDay {
  nowMinutes: number;
}

export interface AssembledTime {
  /** Minutes after midnight, or null when only a part of the day was said. */
  minutes: number | null;
  dayPart: DayPart | null;
}

function problemOutcome(reason: TimeProblem): Outcome<never> {
  switch (reason) {
    case "invalid-time":
      return unclearOutcome(reason, (m) => m.invalidTime);
    case "range":
      return unclearOutcome(reason, (m) => m.askExactTime);
    case "negation":
      return unclearOutcome(reason, (m) => m.askTime);
    case "unsupported":
      return unclearOutcome(reason, (m) => m.unsupported);
  }
}

const hourMinute = (minutes: number): [number, number] => [Math.floor(minutes / 60), minutes % 60];

/** "Meinen Sie 14 Uhr oder 16 Uhr?" for two or more distinct times, else "Welche Uhrzeit genau?". */
function conflictingTimes(times: readonly number[]): Outcome<never> {
  const distinct = [...new Set(times)].sort((a, b) => a - b);
  if (distinct.length < 2) return unclearOutcome("conflicting-times", (m) => m.askExactTime);
  const spoken = (m: Messages) => distinct.map((t) => m.clock(...hourMinute(t)));
  return unclearOutcome(
    "conflicting-times",
    (m) => m.askWhichOf(choiceWords(m, spoken(m))),
    distinct.map(clockOf),
  );
}

/** "Meinen Sie 8 Uhr morgens oder 20 Uhr abends?": both readings of a 12-hour dial, with their part of day. */
function morningOrAfternoon(
  reason: "ambiguous-half-day" | "outside-business-hours",
  readings: readonly number[],
) {
  const spoken = (m: Messages) => readings.map((t) => m.clockWithDayPart(...hourMinute(t)));
  return unclearOutcome(reason, (m) => m.askWhichOf(choiceWords(m, spoken(m))), readings.map(clockOf));
}

type Clock = Extract<TimeFinding, { kind: "clock" }>;

/** The readings of a clock that fit the part of the day said (all readings when none was said). */
function readingsOf(clock: Clock, part: DayPart | undefined): number[] {
  const readings = clock.twelveHour ? [clock.minutes, clock.minutes + HALF_DAY_MINUTES] : [clock.minutes];
  return part === undefined ? readings : readings.filter((minutes) => inDayPart(part, minutes));
}

function resolveClock(
  clock: Clock,
  part: DayPart | undefined,
  ctx: SpokenTimeContext,
  sameDay: SameDay | null,
): Outcome<number> {
  const readings = readingsOf(clock, part);
  const passed = (minutes: number) => sameDay !== null && minutes < sameDay.nowMinutes;
  const [first, second] = readings;
  if (first === undefined) return conflictingTimes([]);
  if (second === undefined) {
    return passed(first) ? unclearOutcome("past-time", (m) => m.pastTime) : foundValue(first);
  }

  const hours = businessHoursOf(ctx);
  const open = (minutes: number) => minutes >= hours.open && minutes < hours.close;
  const viable = readings.filter((minutes) => open(minutes) && !passed(minutes));
  const [only] = viable;
  if (viable.length === 1 && only !== undefined) return foundValue(only);
  if (viable.length === 2) return morningOrAfternoon("ambiguous-half-day", readings);
  if (readings.some(open)) return unclearOutcome("past-time", (m) => m.pastTime);
  return morningOrAfternoon("outside-business-hours", readings);
}

/**
 * One time from the time findings. `sameDay` is set when the date is today, so readings that have
 * passed are dropped ("heute um 8" at 10:00 is 20:00) or reported.
 */
export function assembleTime(
  findings: readonly TimeFinding[],
  ctx: SpokenTimeContext,
  sameDay: SameDay | null,
): Outcome<AssembledTime> {
  const problem = findings.find((finding) => finding.kind === "time-problem");
  if (problem) return problemOutcome(problem.reason);

  const dayParts = findings.flatMap((f) => (f.kind === "day-part" ? [f] : []));
  const parts = [...new Set(dayParts.map((f) => f.part))];
  if (parts.length > 1) return conflictingTimes([]);
  const part = parts[0];
  // "8 pm" narrows the clock but is no part of the day worth reporting; "abends" is.
  const namedPart = dayParts.some((f) => f.named) ? (part ?? null) : null;
  const clocks = [
    ...new Map(
      findings.flatMap((f) => (f.kind === "clock" ? [[`${f.minutes}/${f.twelveHour}`, f] as const] : [])),
    ).values(),
  ];

  if (clocks.length === 0) {
    if (part === undefined) return absent;
    // "mittags" alone is noon; "nachmittags" alone still needs an hour.
    return foundValue({ minutes: part === "noon" ? 720 : null, dayPart: namedPart });
  }
  const resolved = clocks.map((clock) => resolveClock(clock, part, ctx, sameDay));
  if (clocks.length > 1) {
    const times = resolved.flatMap((outcome) => (outcome.status === "found" ? [outcome.value] : []));
    // Offer the alternatives only when each one is a clear time of its own.
    return conflictingTimes(times.length === clocks.length ? times : []);
  }
  const [only] = resolved;
  if (only === undefined || only.status !== "found") return only ?? absent;
  return foundValue({ minutes: only.value, dayPart: namedPart });
}
