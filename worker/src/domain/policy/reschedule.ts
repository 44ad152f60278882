import {
  type Instant,
  levelOf,
  type PolicyDecision,
  refusal,
  toMs,
  violated,
  withinPolicy,
} from "./decision";
import { violationFee } from "./fees";
import type { SourceLevel } from "./levels";
import type { FieldSources } from "./resolve";
import type { ReschedulePolicy } from "./schemas";
import { hoursDe, hoursEn } from "./wording";

export type RescheduleRule =
  | "within_policy"
  | "appointment_started"
  | "new_start_in_past"
  | "min_hours_notice"
  | "max_reschedules_per_booking";

export type RescheduleInput = {
  policy: ReschedulePolicy;
  sourceLevel: SourceLevel;
  /** resolvePolicy's `sources`: lets the decision name the level that set the broken rule. */
  fieldSources?: Partial<FieldSources<ReschedulePolicy>>;
  /** rescheduleCount: how often this booking has been moved already, not counting this move. */
  appointment: { startsAt: Instant; priceCents: number | null; rescheduleCount: number };
  now: Instant;
  newStartsAt: Instant;
};

const HOUR_MS = 3_600_000;

/**
 * Whether a booking may be moved to `newStartsAt`. Precedence when several things apply:
 * 1. appointment_started, new_start_in_past — not policy questions, refused without a violation;
 * 2. min_hours_notice — measured to the current start (the slot being given up), as exact instant
 *    difference, so DST days count their real hours;
 * 3. max_reschedules_per_booking.
 * Both rules share one violation_action; the fee is charged once.
 */
export function decideReschedule(input: RescheduleInput): PolicyDecision<RescheduleRule> {
  const { policy, sourceLevel, fieldSources, appointment } = input;
  if (!Number.isSafeInteger(appointment.rescheduleCount) || appointment.rescheduleCount < 0) {
    throw new RangeError(`Invalid reschedule count: ${appointment.rescheduleCount}`);
  }

  const now = toMs(input.now);
  const noticeMs = toMs(appointment.startsAt) - now;
  if (noticeMs <= 0) {
    return refusal("appointment_started", sourceLevel, {
      de: "Termin hat bereits begonnen",
      en: "Appointment has already started",
    });
  }
  if (toMs(input.newStartsAt) <= now) {
    return refusal("new_start_in_past", sourceLevel, {
      de: "Neuer Termin liegt in der Vergangenheit",
      en: "New time is in the past",
    });
  }

  const fee = () => violationFee(policy, appointment.priceCents);
  if (noticeMs < policy.min_hours_notice * HOUR_MS) {
    return violated(
      policy.violation_action,
      fee(),
      "min_hours_notice",
      levelOf("min_hours_notice", sourceLevel, fieldSources),
      {
        de: `Umbuchung weniger als ${hoursDe(policy.min_hours_notice)} vor dem Termin`,
        en: `Rescheduling less than ${hoursEn(policy.min_hours_notice)} before the appointment`,
      },
    );
  }

  const maxMoves = policy.max_reschedules_per_booking;
  if (maxMoves !== null && appointment.rescheduleCount >= maxMoves) {
    return violated(
      policy.violation_action,
      fee(),
      "max_reschedules_per_booking",
      levelOf("max_reschedules_per_booking", sourceLevel, fieldSources),
      {
        de: `Maximale Anzahl an Umbuchungen erreicht (${maxMoves} pro Termin)`,
        en: `Maximum number of reschedules reached (${maxMoves} per booking)`,
      },
    );
  }

  return withinPolicy(sourceLevel, {
    de: "Umbuchung im Rahmen der Richtlinie",
    en: "Rescheduling within policy",
  });
}
