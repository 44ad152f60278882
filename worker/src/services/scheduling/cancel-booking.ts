import { and, eq, sql } from "drizzle-orm";
import { appointments, customers } from "../../../../drizzle/schema";
import { calendarFor } from "../../calendar/calendar-client";
import { resourceKeysOf, staffCalendarKey } from "../../calendar/granules";
import { appointmentRef } from "../../calendar/refs";
import { changesOf, runBatch } from "../../db/batch";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { ApiError } from "../../http/errors";
import { calcomPendingIds, markCalcomPending, requestCalcomPush } from "../calendar-sync/outbox";
import {
  type Actor,
  branchTimeZone,
  CHANGEABLE,
  loadAppointment,
  segmentsOf,
  unchangedSince,
} from "./appointment-access";
import { versionConflict } from "./booking-errors";
import { modificationOf, recordModification } from "./modification-sql";
import { freeAppointment, updatedBy } from "./occupancy-sql";
import { checkCancellation, periodMonth } from "./policy-check";

export interface CancelInput {
  appointmentId: number;
  reason?: string | undefined;
  expectedVersion?: number | undefined;
  actor: Actor;
}

/**
 * Cancels an appointment under its cancellation policy: the status, the freed granules, the
 * modification record, the monthly statistics and the customer's counter change in one batch
 * that takes effect only if nobody changed the appointment meanwhile; then the calendar objects
 * let the time go.
 */
export async function cancelBooking(scope: TenantScope, env: Env, input: CancelInput) {
  const current = await loadAppointment(scope, input.appointmentId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
    throw versionConflict(current.version);
  if (!(CHANGEABLE as readonly string[]).includes(current.status)) {
    throw new ApiError(
      409,
      "APPOINTMENT_NOT_CHANGEABLE",
      `An appointment that is ${current.status} cannot be cancelled`,
    );
  }
  const now = new Date();
  const timeZone = await branchTimeZone(scope, current.branchId);
  const policy = await checkCancellation(scope, current, timeZone, now);
  // A cancellation already made on Cal.com cannot be refused there; its violation is still recorded.
  if (!policy.decision.allowed && input.actor.type !== "calcom") {
    throw new ApiError(409, "POLICY_VIOLATION", policy.decision.reason, { policy: policy.decision });
  }
  const db = scope.db;
  const lockToken = crypto.randomUUID();
  const guard = updatedBy(current.id, lockToken);
  const pushToCalcom = input.actor.type !== "calcom";
  const results = await runBatch(db, [
    db
      .update(appointments)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancellationReason: input.reason ?? null,
        cancelledBy: input.actor.type,
        version: sql`${appointments.version} + 1`,
        lockToken,
        updatedAt: now,
      })
      .where(unchangedSince(scope, current)),
    freeAppointment(current.id, guard),
    ...recordModification(
      modificationOf(current, policy, {
        type: "cancellation",
        next: null,
        reason: input.reason,
        actor: input.actor,
        periodMonth: periodMonth(now, timeZone),
        at: now.getTime(),
      }),
      guard,
    ),
    db
      .update(customers)
      .set({ cancelledCount: sql`${customers.cancelledCount} + 1`, updatedAt: now })
      .where(and(eq(customers.id, current.customerId), guard)),
    ...(pushToCalcom ? [markCalcomPending(scope.companyId, { id: current.id }, guard)] : []),
  ]);
  if (changesOf(results[0]) !== 1) throw versionConflict((await loadAppointment(scope, current.id)).version);

  // The granules are gone in D1; now every calendar object involved lets the time go.
  const staffIds = current.isComposite
    ? [...new Set((await segmentsOf(scope, current.id)).map((s) => s.staffId))]
    : [current.staffId];
  const keys = [...staffIds.map(staffCalendarKey), ...resourceKeysOf(current)];
  await Promise.all(
    keys.map((key) => calendarFor(env, key).releaseAppointment(current.uid, appointmentRef(current))),
  );
  await requestCalcomPush(env, scope.companyId, calcomPendingIds(results));
  return { appointment: await loadAppointment(scope, current.id), policy: policy.decision };
}
