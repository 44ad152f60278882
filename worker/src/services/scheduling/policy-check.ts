import { and, count, eq, inArray, or } from "drizzle-orm";
import {
  type Appointment,
  appointmentModificationStats,
  appointmentModifications,
  policyConfigurations,
} from "../../../../drizzle/schema";
import type { PolicyType } from "../../../../drizzle/schema/enums";
import type { TenantScope } from "../../db/tenant-scope";
import {
  decideCancellation,
  decideReschedule,
  fromStoredConfig,
  type PolicyCandidate,
  type PolicyDecision,
  type PolicyTarget,
  resolvePolicy,
} from "../../domain/policy";
import { localDate } from "../../domain/zoned-time";

/** The active policy rows that could apply to `target`, in the shape the resolver reads. */
export async function loadPolicyCandidates(scope: TenantScope, type: PolicyType, target: PolicyTarget) {
  const levels = [
    ["company", target.companyId],
    ["branch", target.branchId],
    ["service", target.serviceId],
    ["staff", target.staffId],
  ] as const;
  const rows = await scope.db
    .select()
    .from(policyConfigurations)
    .where(
      scope.where(
        policyConfigurations,
        eq(policyConfigurations.policyType, type),
        eq(policyConfigurations.isActive, true),
        or(
          ...levels
            .filter(([, id]) => typeof id === "number")
            .map(([level, id]) =>
              and(
                eq(policyConfigurations.configurableType, level),
                eq(policyConfigurations.configurableId, id as number),
              ),
            ),
        ),
      ),
    );
  return {
    rows,
    candidates: rows.map(
      (row): PolicyCandidate => ({
        type,
        level: row.configurableType,
        targetId: row.configurableId,
        config: fromStoredConfig(type, row.config),
      }),
    ),
  };
}

const targetOf = (a: Appointment): PolicyTarget => ({
  companyId: a.companyId,
  branchId: a.branchId,
  serviceId: a.serviceId,
  staffId: a.staffId,
});

/** 'YYYY-MM' of `instant` in `timeZone`: the period of appointment_modification_stats. */
export const periodMonth = (instant: Date, timeZone: string) => localDate(instant, timeZone).slice(0, 7);

export interface CheckedDecision {
  decision: PolicyDecision;
  /** The policy row of the deciding level (null for the built-in default). */
  policyConfigurationId: number | null;
  violationAction: "warn" | "block" | "charge_fee";
  noticeMinutes: number;
}

function deciding(rows: { id: number; configurableType: string }[], level: string) {
  return rows.find((r) => r.configurableType === level)?.id ?? null;
}

export async function checkCancellation(
  scope: TenantScope,
  a: Appointment,
  timeZone: string,
  now: Date,
): Promise<CheckedDecision> {
  const [{ rows, candidates }, stats] = await Promise.all([
    loadPolicyCandidates(scope, "cancellation", targetOf(a)),
    scope.db
      .select({ cancellations: appointmentModificationStats.cancellationCount })
      .from(appointmentModificationStats)
      .where(
        scope.where(
          appointmentModificationStats,
          eq(appointmentModificationStats.customerId, a.customerId),
          eq(appointmentModificationStats.periodMonth, periodMonth(now, timeZone)),
        ),
      ),
  ]);
  const resolved = resolvePolicy("cancellation", candidates, targetOf(a));
  const decision = decideCancellation({
    policy: resolved.config,
    sourceLevel: resolved.source_level,
    fieldSources: resolved.sources,
    appointment: { startsAt: a.startsAt, priceCents: a.priceCents, status: a.status },
    now,
    cancellationsThisMonth: stats[0]?.cancellations ?? 0,
  });
  return {
    decision,
    policyConfigurationId: deciding(rows, decision.source_level),
    violationAction: resolved.config.violation_action,
    noticeMinutes: Math.floor((a.startsAt.getTime() - now.getTime()) / 60_000),
  };
}

export async function checkReschedule(
  scope: TenantScope,
  a: Appointment,
  newStart: Date,
  now: Date,
): Promise<CheckedDecision> {
  const [{ rows, candidates }, moves] = await Promise.all([
    loadPolicyCandidates(scope, "reschedule", targetOf(a)),
    scope.db
      .select({ n: count() })
      .from(appointmentModifications)
      .where(
        scope.where(
          appointmentModifications,
          eq(appointmentModifications.appointmentId, a.id),
          inArray(appointmentModifications.modificationType, ["reschedule"]),
        ),
      ),
  ]);
  const resolved = resolvePolicy("reschedule", candidates, targetOf(a));
  const decision = decideReschedule({
    policy: resolved.config,
    sourceLevel: resolved.source_level,
    fieldSources: resolved.sources,
    appointment: { startsAt: a.startsAt, priceCents: a.priceCents, rescheduleCount: moves[0]?.n ?? 0 },
    now,
    newStartsAt: newStart,
  });
  return {
    decision,
    policyConfigurationId: deciding(rows, decision.source_level),
    violationAction: resolved.config.violation_action,
    noticeMinutes: Math.floor((a.startsAt.getTime() - now.getTime()) / 60_000),
  };
}
