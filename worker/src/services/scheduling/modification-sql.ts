import { type SQL, sql } from "drizzle-orm";
import type { Appointment } from "../../../../drizzle/schema";
import type { Actor } from "./appointment-access";
import type { CheckedDecision } from "./policy-check";

export interface ModificationRecord {
  companyId: number;
  appointmentId: number;
  customerId: number;
  type: "reschedule" | "cancellation";
  withinPolicy: boolean;
  policyConfigurationId: number | null;
  violationAction: string | null;
  noticeMinutes: number;
  feeCents: number;
  currency: string;
  reason: string | null;
  previous: { start: number; end: number };
  next: { start: number; end: number } | null;
  actor: { type: string; userId: number | null };
  /** 'YYYY-MM' in the company's zone: the statistics period. */
  periodMonth: string;
  at: number;
}

/**
 * The appointment_modifications row and the per-customer monthly statistics, written in the same
 * batch as the change itself and only if that change took effect (`guard`).
 */
export function recordModification(m: ModificationRecord, guard: SQL): SQL[] {
  const isCancellation = m.type === "cancellation" ? 1 : 0;
  const isReschedule = m.type === "reschedule" ? 1 : 0;
  const isViolation = m.withinPolicy ? 0 : 1;
  return [
    sql`INSERT INTO appointment_modifications (company_id, appointment_id, customer_id, modification_type, within_policy,
        policy_configuration_id, violation_action, notice_minutes, fee_cents, currency, reason, previous_starts_at,
        previous_ends_at, new_starts_at, new_ends_at, modified_by_type, modified_by_user_id, created_at)
      SELECT ${m.companyId}, ${m.appointmentId}, ${m.customerId}, ${m.type}, ${m.withinPolicy ? 1 : 0},
        ${m.policyConfigurationId}, ${m.violationAction}, ${m.noticeMinutes}, ${m.feeCents}, ${m.currency}, ${m.reason},
        ${m.previous.start}, ${m.previous.end}, ${m.next?.start ?? null}, ${m.next?.end ?? null}, ${m.actor.type},
        ${m.actor.userId}, ${m.at}
      WHERE ${guard}`,
    sql`INSERT INTO appointment_modification_stats (company_id, customer_id, period_month, modification_count,
        cancellation_count, reschedule_count, violation_count, last_appointment_id, last_modification_at, updated_at)
      SELECT ${m.companyId}, ${m.customerId}, ${m.periodMonth}, 1, ${isCancellation}, ${isReschedule}, ${isViolation},
        ${m.appointmentId}, ${m.at}, ${m.at}
      WHERE ${guard}
      ON CONFLICT (company_id, customer_id, period_month) DO UPDATE SET
        modification_count = modification_count + 1,
        cancellation_count = cancellation_count + excluded.cancellation_count,
        reschedule_count = reschedule_count + excluded.reschedule_count,
        violation_count = violation_count + excluded.violation_count,
        last_appointment_id = excluded.last_appointment_id,
        last_modification_at = excluded.last_modification_at,
        updated_at = excluded.updated_at`,
  ];
}

/** The modification record of a policy-checked change to `current` (cancellation or reschedule). */
export function modificationOf(
  current: Appointment,
  checked: CheckedDecision,
  change: {
    type: ModificationRecord["type"];
    next: ModificationRecord["next"];
    reason: string | undefined;
    actor: Actor;
    periodMonth: string;
    at: number;
  },
): ModificationRecord {
  return {
    companyId: current.companyId,
    appointmentId: current.id,
    customerId: current.customerId,
    type: change.type,
    withinPolicy: !checked.decision.violation,
    policyConfigurationId: checked.policyConfigurationId,
    violationAction: checked.decision.violation ? checked.violationAction : null,
    noticeMinutes: checked.noticeMinutes,
    feeCents: checked.decision.fee_cents,
    currency: current.currency,
    reason: change.reason ?? null,
    previous: { start: current.startsAt.getTime(), end: current.endsAt.getTime() },
    next: change.next,
    actor: change.actor,
    periodMonth: change.periodMonth,
    at: change.at,
  };
}
