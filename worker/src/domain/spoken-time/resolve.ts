import { assembleDate } from "./assemble-date";
import { assembleTime } from "./assemble-time";
import { clockOf, nowMinutesOf, todayOf } from "./calendar";
import {
  type DateFinding,
  type Finding,
  isDateFinding,
  isTimeFinding,
  type ScanMode,
  type TimeFinding,
} from "./findings";
import { ask } from "./messages";
import { toUnclear } from "./outcome";
import type { DateTimeParts, SpokenDate, SpokenDateTime, SpokenTime } from "./results";
import { scanPhrase } from "./scan";
import type { SpokenTimeContext } from "./types";
import { isWallTimeValid } from "./wall-time";

/**
 * The public entry points: a caller's words (or an ISO value from the agent) for a date, a time or
 * both, resolved in the branch's zone relative to the call's start. They never guess: anything
 * ambiguous comes back as `unclear` with a question to ask, and they never throw for any input text.
 *
 * Dates and times are wall-clock values ('YYYY-MM-DD', 'HH:MM') in ctx.timeZone. Convert them with
 * zonedInstant (zoned-time.ts). resolveSpokenDateTime reports a time inside the spring-forward gap as
 * unclear; resolveSpokenTime alone cannot know the day, so check isWallTimeValid when combining.
 */

/** "9.10" is a time when the phrase already has a date, a date when it already has a time. */
function settle(findings: readonly Finding[]): (DateFinding | TimeFinding)[] {
  const hasDate = findings.some((f) => f.kind === "date" || f.kind === "weekday" || f.kind === "week");
  const hasTime = findings.some((f) => f.kind === "clock");
  return findings.map((finding) => {
    if (finding.kind !== "date-or-time") return finding;
    if (hasDate && !hasTime) return finding.time;
    if (hasTime && !hasDate) return finding.date;
    return { kind: "date-problem", reason: "unrecognized" };
  });
}

function findingsOf(input: string, mode: ScanMode, ctx: SpokenTimeContext, today: string) {
  const findings = scanPhrase(input, mode, today, ctx);
  return findings === null ? null : settle(findings);
}

/** "morgen", "nächsten Dienstag", "am 5. Dezember", "in zwei Wochen", "2026-12-05" → 'YYYY-MM-DD'. */
export function resolveSpokenDate(input: string, ctx: SpokenTimeContext): SpokenDate {
  const today = todayOf(ctx);
  const findings = findingsOf(input, "date", ctx, today);
  const outcome = findings === null ? null : assembleDate(findings.filter(isDateFinding), today);
  if (outcome === null || outcome.status === "absent") {
    return { kind: "unclear", reason: "unrecognized", question: ask((m) => m.askDate) };
  }
  return outcome.status === "found" ? { kind: "date", date: outcome.value } : toUnclear(outcome);
}

/** "14 Uhr", "halb drei", "Viertel vor fünf", "um 3", "2:30 pm" → 'HH:MM'. */
export function resolveSpokenTime(input: string, ctx: SpokenTimeContext): SpokenTime {
  const findings = findingsOf(input, "time", ctx, todayOf(ctx));
  const outcome = findings === null ? null : assembleTime(findings.filter(isTimeFinding), ctx, null);
  if (outcome === null || outcome.status === "absent") {
    return { kind: "unclear", reason: "unrecognized", question: ask((m) => m.askTime) };
  }
  if (outcome.status === "unclear") return toUnclear(outcome);
  const { minutes, dayPart } = outcome.value;
  if (minutes === null) {
    return {
      kind: "unclear",
      reason: "time-without-hour",
      question: ask((m) => m.askTimeInDayPart(dayPart ?? "morning")),
    };
  }
  return { kind: "time", time: clockOf(minutes) };
}

/**
 * A phrase with a date and/or a time ("morgen um halb drei", "nächsten Dienstag 14 Uhr", an ISO
 * date-time). The result says which parts were given; an unclear result still carries the parts that
 * were understood, so the agent can ask only for the missing one.
 */
export function resolveSpokenDateTime(input: string, ctx: SpokenTimeContext): SpokenDateTime {
  const today = todayOf(ctx);
  const findings = findingsOf(input, "both", ctx, today);
  const none: DateTimeParts = { date: null, time: null, dayPart: null };
  if (findings === null) {
    return { kind: "unclear", reason: "unrecognized", question: ask((m) => m.askWhen), ...none };
  }
  const date = assembleDate(findings.filter(isDateFinding), today);
  const dateValue = date.status === "found" ? date.value : null;
  const sameDay = dateValue === today ? { nowMinutes: nowMinutesOf(ctx) } : null;
  const time = assembleTime(findings.filter(isTimeFinding), ctx, sameDay);
  const parts: DateTimeParts = {
    date: dateValue,
    time: time.status === "found" && time.value.minutes !== null ? clockOf(time.value.minutes) : null,
    dayPart: time.status === "found" ? time.value.dayPart : null,
  };
  if (date.status === "unclear") return { ...toUnclear(date), ...parts };
  if (time.status === "unclear") return { ...toUnclear(time), ...parts };
  if (parts.date === null && parts.time === null && parts.dayPart === null) {
    return { kind: "unclear", reason: "unrecognized", question: ask((m) => m.askWhen), ...parts };
  }
  if (parts.date !== null && parts.time !== null && !isWallTimeValid(parts.date, parts.time, ctx.timeZone)) {
    const [hour = 0, minute = 0] = parts.time.split(":").map(Number);
    return {
      kind: "unclear",
      reason: "nonexistent-time",
      question: ask((m) => m.nonexistentTime(m.clock(hour, minute))),
      ...parts,
      time: null,
    };
  }
  return { kind: "date-time", ...parts };
}
