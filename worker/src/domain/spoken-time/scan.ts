import type { Finding, Matcher, Scan, ScanMode } from "./findings";
import {
  dayMonthMatcher,
  greetingMatcher,
  inUnitsMatcher,
  monthMatcher,
  relativeDayMatcher,
  weekdayMatcher,
  weekMatcher,
} from "./scan-date";
import { isoMatcher, numericMatcher } from "./scan-numeric";
import {
  bareHourMatcher,
  clockUhrMatcher,
  dayPartMatcher,
  hourPairMatcher,
  midnightMatcher,
  relativeClockMatcher,
} from "./scan-time";
import { type Token, tokenize } from "./tokens";
import type { SpokenTimeContext } from "./types";
import { DATE_CUES, NEGATION_WORDS, RANGE_WORDS, TIME_CUES } from "./vocabulary";

/**
 * Walks the tokens left to right; at each position the first matcher that recognises something wins
 * and its tokens are consumed. Words nobody recognises ("ich hätte gern einen Termin") are skipped, so
 * callers may talk around the date; negations and ranges are kept as problems, never skipped, because
 * dropping "nicht" or "bis" would turn the caller's words into their opposite.
 */

// Order matters: longer and more specific patterns first ("5. Dezember" before "5" as an hour,
// "fünf vor halb vier" before "fünf" as an hour).
const MATCHERS: readonly Matcher[] = [
  greetingMatcher,
  isoMatcher,
  numericMatcher,
  inUnitsMatcher,
  relativeDayMatcher,
  weekMatcher,
  weekdayMatcher,
  dayMonthMatcher,
  monthMatcher,
  relativeClockMatcher,
  clockUhrMatcher,
  hourPairMatcher,
  bareHourMatcher,
  dayPartMatcher,
  midnightMatcher,
];

/** What follows "bis", "vor", "zwischen" is one end of a range, not the time asked for. */
function asRangeEnd(finding: Finding): Finding {
  if (finding.kind === "date-or-time") return { kind: "date-problem", reason: "range" };
  if (finding.kind === "clock" || finding.kind === "day-part" || finding.kind === "time-problem") {
    return { kind: "time-problem", reason: "range" };
  }
  return { kind: "date-problem", reason: "range" };
}

function scanTokens(scan: Scan): Finding[] {
  const findings: Finding[] = [];
  let rangePending = false;
  let i = 0;
  while (i < scan.tokens.length) {
    const text = scan.tokens[i]?.text ?? "";
    if (NEGATION_WORDS.has(text)) {
      findings.push(
        { kind: "date-problem", reason: "negation" },
        { kind: "time-problem", reason: "negation" },
      );
      i += 1;
      continue;
    }
    let match = null;
    for (const matcher of MATCHERS) {
      match = matcher(scan, i);
      if (match !== null) break;
    }
    if (match !== null) {
      findings.push(...(rangePending ? match.findings.map(asRangeEnd) : match.findings));
      rangePending = false;
      i += match.length;
      continue;
    }
    // "bis um 3", "vor dem 5.": a cue between the range word and its value keeps the range open.
    if (RANGE_WORDS.has(text)) rangePending = true;
    else if (!TIME_CUES.has(text) && !DATE_CUES.has(text)) rangePending = false;
    i += 1;
  }
  return findings;
}

/** Everything recognised in `input`, or null when it is not text or far too long to be a date phrase. */
export function scanPhrase(
  input: unknown,
  mode: ScanMode,
  today: string,
  ctx: SpokenTimeContext,
): Finding[] | null {
  if (typeof input !== "string") return null;
  const tokens: Token[] | null = tokenize(input);
  if (tokens === null) return null;
  return scanTokens({ tokens, mode, today, ctx });
}
