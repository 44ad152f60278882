import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { appointments, recurringAppointmentPatterns } from "../../../../drizzle/schema";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { ApiError, notFound } from "../../http/errors";
import { type Actor, CHANGEABLE } from "./appointment-access";
import { cancelBooking } from "./cancel-booking";

/**
 * Cancels a recurring series from `from` on (default: now): every later occurrence that can still
 * be cancelled, each under the cancellation policy; the pattern is marked cancelled. Each
 * occurrence is reported, so a policy refusal for one (say, tomorrow's) is visible.
 */
export async function cancelSeries(
  scope: TenantScope,
  env: Env,
  input: { patternId: number; from?: Date | undefined; reason?: string | undefined; actor: Actor },
) {
  const [pattern] = await scope.db
    .select()
    .from(recurringAppointmentPatterns)
    .where(scope.byId(recurringAppointmentPatterns, input.patternId));
  if (!pattern) throw notFound("Recurring series");
  const from = input.from ?? new Date();
  const occurrences = await scope.db
    .select()
    .from(appointments)
    .where(
      scope.where(
        appointments,
        eq(appointments.recurringPatternId, pattern.id),
        gte(appointments.startsAt, from),
        inArray(appointments.status, [...CHANGEABLE]),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  const results: { appointment_id: number; starts_at: string; cancelled: boolean; error?: string }[] = [];
  for (const occurrence of occurrences) {
    try {
      await cancelBooking(scope, env, {
        appointmentId: occurrence.id,
        reason: input.reason,
        actor: input.actor,
      });
      results.push({
        appointment_id: occurrence.id,
        starts_at: occurrence.startsAt.toISOString(),
        cancelled: true,
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      results.push({
        appointment_id: occurrence.id,
        starts_at: occurrence.startsAt.toISOString(),
        cancelled: false,
        error: error.message,
      });
    }
  }
  if (results.every((r) => r.cancelled)) {
    await scope.db
      .update(recurringAppointmentPatterns)
      .set({ status: "cancelled", updatedAt: new Date() })
      .where(
        and(
          eq(recurringAppointmentPatterns.id, pattern.id),
          eq(recurringAppointmentPatterns.companyId, scope.companyId),
        ),
      );
  }
  return { patternId: pattern.id, results };
}
