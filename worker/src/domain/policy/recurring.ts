import { levelOf, type PolicyDecision, type Reason, violated, withinPolicy } from "./decision";
import type { SourceLevel } from "./levels";
import type { FieldSources } from "./resolve";
import type { RecurringPolicy } from "./schemas";
import { appointmentsDe, appointmentsEn, conflictsDe, conflictsEn } from "./wording";

export type RecurringRule =
  | "within_policy"
  | "min_series_length"
  | "max_series_length"
  | "skip_allowed"
  | "max_skips_per_series";

export type SeriesDecision = PolicyDecision<RecurringRule> & {
  /** Conflicting occurrences to leave out; 0 when the series is refused. */
  skipped: number;
};

export type RecurringSeriesInput = {
  policy: RecurringPolicy;
  sourceLevel: SourceLevel;
  fieldSources?: Partial<FieldSources<RecurringPolicy>>;
  /** Occurrences the series would have, conflicting ones included. */
  occurrences: number;
  /** How many of them collide with existing bookings or absences. */
  conflicts: number;
};

/**
 * Whether a recurring series may be booked. Recurring rules have no violation_action: a broken rule
 * always refuses the series (there is nothing to warn about or charge once it is booked).
 * Precedence: min_series_length, max_series_length (the series as requested), then skip_allowed
 * (conflicts while skipping is off), max_skips_per_series, and finally min_series_length again for
 * the series left after skipping.
 */
export function decideRecurringSeries(input: RecurringSeriesInput): SeriesDecision {
  const { policy, sourceLevel, fieldSources, occurrences, conflicts } = input;
  if (!Number.isSafeInteger(occurrences) || occurrences < 0) {
    throw new RangeError(`Invalid occurrence count: ${occurrences}`);
  }
  if (!Number.isSafeInteger(conflicts) || conflicts < 0 || conflicts > occurrences) {
    throw new RangeError(`Invalid conflict count: ${conflicts} of ${occurrences}`);
  }
  const refuse = (rule: Exclude<RecurringRule, "within_policy">, reason: Reason): SeriesDecision => ({
    ...violated("block", 0, rule, levelOf(rule, sourceLevel, fieldSources), reason),
    skipped: 0,
  });
  const { min_series_length: min, max_series_length: max, max_skips_per_series: maxSkips } = policy;

  if (occurrences < min) {
    return refuse("min_series_length", {
      de: `Serie zu kurz: mindestens ${appointmentsDe(min)}`,
      en: `Series too short: at least ${appointmentsEn(min)}`,
    });
  }
  if (occurrences > max) {
    return refuse("max_series_length", {
      de: `Serie zu lang: höchstens ${appointmentsDe(max)}`,
      en: `Series too long: at most ${appointmentsEn(max)}`,
    });
  }
  if (conflicts > 0 && !policy.skip_allowed) {
    return refuse("skip_allowed", {
      de: `Serie hat ${conflictsDe(conflicts)}; Überspringen ist nicht erlaubt`,
      en: `Series has ${conflictsEn(conflicts)}; skipping is not allowed`,
    });
  }
  if (conflicts > maxSkips) {
    return refuse("max_skips_per_series", {
      de: `Zu viele Konflikte: ${conflicts}, höchstens ${maxSkips} dürfen übersprungen werden`,
      en: `Too many conflicts: ${conflicts}, at most ${maxSkips} may be skipped`,
    });
  }
  const remaining = occurrences - conflicts;
  if (remaining < min) {
    return refuse("min_series_length", {
      de: `Nach dem Überspringen zu kurz: ${appointmentsDe(remaining)} statt mindestens ${min}`,
      en: `Too short after skipping: ${appointmentsEn(remaining)} instead of at least ${min}`,
    });
  }

  const within = withinPolicy(sourceLevel, {
    de:
      conflicts > 0
        ? `Serie im Rahmen der Richtlinie, ${appointmentsDe(conflicts)} übersprungen`
        : "Serie im Rahmen der Richtlinie",
    en: conflicts > 0 ? `Series within policy, ${appointmentsEn(conflicts)} skipped` : "Series within policy",
  });
  return { ...within, skipped: conflicts };
}
