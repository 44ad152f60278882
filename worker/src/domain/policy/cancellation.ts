import type { AppointmentStatus } from "../../../../drizzle/schema/enums";
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
import type { CancellationPolicy } from "./schemas";
import { hoursDe, hoursEn } from "./wording";

export type CancellationRule =
  | "within_policy"
  | "appointment_status"
  | "appointment_started"
  | "min_hours_notice"
  | "max_free_cancellations_per_month";

export type CancellationInput = {
  policy: CancellationPolicy;
  sourceLevel: SourceLevel;
  /** resolvePolicy's `sources`: lets the decision name the level that set the broken rule. */
  fieldSources?: Partial<FieldSources<CancellationPolicy>>;
  appointment: { startsAt: Instant; priceCents: number | null; status: AppointmentStatus };
  now: Instant;
  /** The customer's cancellations earlier in this local month, not counting this one (stats.cancellation_count). */
  cancellationsThisMonth: number;
};

const HOUR_MS = 3_600_000;

/** Statuses after which there is nothing left to cancel; the service layer refuses these before asking. */
const FINAL_STATUS_REASONS: Partial<Record<AppointmentStatus, { de: string; en: string }>> = {
  cancelled: { de: "Termin ist bereits storniert", en: "Appointment is already cancelled" },
  completed: { de: "Termin hat bereits stattgefunden", en: "Appointment has already taken place" },
  no_show: { de: "Termin wurde als nicht erschienen erfasst", en: "Appointment was recorded as a no-show" },
  in_progress: { de: "Termin läuft bereits", en: "Appointment is already in progress" },
};

/**
 * Whether a customer may cancel, and at what cost. Precedence when several things apply:
 * 1. appointment_status / appointment_started — not policy questions, refused without a violation;
 * 2. min_hours_notice — about this appointment, so it is what staff explain first;
 * 3. max_free_cancellations_per_month.
 * Both rules share one violation_action, so the precedence only picks rule and reason, and the fee
 * is charged once.
 * Notice is the exact instant difference: 24 hours before a start on the October DST Sunday is 24
 * real hours, not "same wall-clock time the day before" (which would be 25).
 */
export function decideCancellation(input: CancellationInput): PolicyDecision<CancellationRule> {
  const { policy, sourceLevel, fieldSources, appointment } = input;
  if (!Number.isSafeInteger(input.cancellationsThisMonth) || input.cancellationsThisMonth < 0) {
    throw new RangeError(`Invalid cancellation count: ${input.cancellationsThisMonth}`);
  }

  const finalReason = FINAL_STATUS_REASONS[appointment.status];
  if (finalReason) return refusal("appointment_status", sourceLevel, finalReason);
  const noticeMs = toMs(appointment.startsAt) - toMs(input.now);
  if (noticeMs <= 0) {
    return refusal("appointment_started", sourceLevel, {
      de: "Termin hat bereits begonnen",
      en: "Appointment has already started",
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
        de: `Stornierung weniger als ${hoursDe(policy.min_hours_notice)} vor dem Termin`,
        en: `Cancellation less than ${hoursEn(policy.min_hours_notice)} before the appointment`,
      },
    );
  }

  const freePerMonth = policy.max_free_cancellations_per_month;
  if (freePerMonth !== null && input.cancellationsThisMonth >= freePerMonth) {
    return violated(
      policy.violation_action,
      fee(),
      "max_free_cancellations_per_month",
      levelOf("max_free_cancellations_per_month", sourceLevel, fieldSources),
      {
        de: `Kostenlose Stornierungen in diesem Monat aufgebraucht (${freePerMonth} pro Monat)`,
        en: `Free cancellations for this month used up (${freePerMonth} per month)`,
      },
    );
  }

  return withinPolicy(sourceLevel, {
    de: "Stornierung im Rahmen der Richtlinie",
    en: "Cancellation within policy",
  });
}
