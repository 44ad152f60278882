import { resolveSpokenDate, resolveSpokenDateTime, resolveSpokenTime } from "../../domain/spoken-time";
import { textArg, type VoiceArgs } from "./voice-args";
import type { VoiceContext } from "./voice-context";

/** The day (and time, when given) the caller wants, or the question that makes it clear. */
export type RequestedWhen =
  | { kind: "when"; date: string; time: string | undefined }
  | { kind: "missing"; date: string | undefined }
  | { kind: "unclear"; question: string };

const COMBINED = ["starts_at", "start_iso", "datetime", "date_time", "when"];

/**
 * Reads the wish from the agent's arguments: an ISO value or a German phrase in `starts_at` (or a
 * similar name), or `date` and `time` separately ("morgen", "nächsten Dienstag", "halb drei").
 * Everything is resolved in the branch's zone relative to the call's start. An unclear phrase
 * yields the question to ask; nothing is guessed.
 */
export function requestedWhen(ctx: VoiceContext, args: VoiceArgs, prefix = ""): RequestedWhen {
  const names = (list: string[]) => list.map((n) => `${prefix}${n}`);
  const combined = textArg(args, ...names(COMBINED));
  const dateText = textArg(args, ...names(["date", "day"]));
  const timeText = textArg(args, ...names(["time"]));
  let date: string | undefined;
  let time: string | undefined;
  if (combined) {
    const resolved = resolveSpokenDateTime(combined, ctx.spoken);
    if (resolved.kind === "unclear") return { kind: "unclear", question: resolved.question[ctx.locale] };
    date = resolved.date ?? undefined;
    time = resolved.time ?? undefined;
  }
  if (dateText && !date) {
    const resolved = resolveSpokenDate(dateText, ctx.spoken);
    if (resolved.kind === "unclear") {
      // "morgen um 3" in the date field: the combined reading may still understand it.
      const both = resolveSpokenDateTime(dateText, ctx.spoken);
      if (both.kind === "unclear" || !both.date)
        return { kind: "unclear", question: resolved.question[ctx.locale] };
      date = both.date;
      time = time ?? both.time ?? undefined;
    } else {
      date = resolved.date;
    }
  }
  if (timeText && !time) {
    const resolved = resolveSpokenTime(timeText, ctx.spoken);
    if (resolved.kind === "unclear") return { kind: "unclear", question: resolved.question[ctx.locale] };
    time = resolved.time;
  }
  if (!date) return { kind: "missing", date: undefined };
  return { kind: "when", date, time };
}
