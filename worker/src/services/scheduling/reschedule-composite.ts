import { eq, sql } from "drizzle-orm";
import {
  type Appointment,
  appointments,
  type nestedBookingSlots,
  services,
} from "../../../../drizzle/schema";
import { calendarFor } from "../../calendar/calendar-client";
import { resourceKeysOf, staffCalendarKey } from "../../calendar/granules";
import { appointmentRef } from "../../calendar/refs";
import { changesOf, runBatch } from "../../db/batch";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { ApiError } from "../../http/errors";
import { calcomPendingIds, markCalcomPending, requestCalcomPush } from "../calendar-sync/outbox";
import { branchTimeZone, loadAppointment, segmentsOf, unchangedSince } from "./appointment-access";
import { appointmentConflict, versionConflict } from "./booking-errors";
import type { CompositeRequest } from "./composite-plan";
import {
  compositeSlotAt,
  reserveSegments,
  segmentRef,
  segmentRowStatements,
  segmentSummary,
} from "./composite-slot";
import { modificationOf, recordModification } from "./modification-sql";
import { freeAppointment, isOccupancyConflict, occupyById, updatedBy } from "./occupancy-sql";
import { checkReschedule, periodMonth } from "./policy-check";
import type { RescheduleInput } from "./reschedule-booking";

/**
 * Moves a composite appointment as a whole: the same services in the same order (and the same
 * gaps) at the new start, each segment keeping its staff member where that one is free (or the
 * staff member asked for). Every new segment is reserved in its calendar object while the old
 * ones still stand (an appointment may overlap its own old time), the change is written in one
 * batch guarded by the version, and only then are the old segments let go. All or nothing.
 */
export async function rescheduleComposite(
  scope: TenantScope,
  env: Env,
  current: Appointment,
  input: RescheduleInput,
) {
  const now = new Date();
  const policy = await checkReschedule(scope, current, input.newStartsAt, now);
  if (!policy.decision.allowed && input.actor.type !== "calcom") {
    throw new ApiError(409, "POLICY_VIOLATION", policy.decision.reason, { policy: policy.decision });
  }
  const oldSegments = await segmentsOf(scope, current.id);
  const request = await requestOf(scope, current, oldSegments, input.newStaffId);
  const start = input.newStartsAt.getTime();
  const { slot, occupied, suggestions, resource } = await compositeSlotAt(scope, request, start, {
    ignoreAppointmentIds: [current.id],
    prefer: oldSegments.map((s) => s.staffId),
  });
  const uid = current.uid ?? crypto.randomUUID();
  const oldRefs = oldSegments.map((s) => segmentRef(uid, s.sequence));
  const oldUnitKey = resourceKeysOf(current)[0];
  const { failed, seat, releaseAll, commitAll } = await reserveSegments(
    env,
    uid,
    slot,
    occupied,
    oldRefs,
    // The room or chair it had is kept when it is free at the new time.
    resource && { ...resource, preferred: oldUnitKey, ignoreRefs: [appointmentRef({ uid })] },
  );
  if (failed) {
    await releaseAll();
    throw appointmentConflict(start, suggestions, [failed]);
  }

  const db = scope.db;
  const lockToken = crypto.randomUUID();
  const guard = updatedBy(current.id, lockToken);
  const zone = await branchTimeZone(scope, current.branchId);
  const first = slot.segments[0]!;
  const last = slot.segments.at(-1)!;
  let results: D1Result[];
  try {
    results = await runBatch(db, [
      db
        .update(appointments)
        .set({
          uid,
          staffId: first.staffId,
          resourceId: seat?.unit.resourceId ?? null,
          resourceUnit: seat?.unit.unit ?? null,
          startsAt: new Date(first.start),
          endsAt: new Date(last.end),
          blockedFrom: new Date(first.start),
          blockedUntil: new Date(last.end),
          segments: segmentSummary(slot),
          version: sql`${appointments.version} + 1`,
          lockToken,
          updatedAt: now,
        })
        .where(unchangedSince(scope, current)),
      sql`DELETE FROM nested_booking_slots WHERE appointment_id = ${current.id} AND ${guard}`,
      ...segmentRowStatements(scope.companyId, sql`${current.id}`, slot, occupied, guard),
      freeAppointment(current.id, guard),
      ...slot.segments.map((s, i) =>
        occupyById(
          staffCalendarKey(s.staffId),
          occupied[i]!.start,
          occupied[i]!.end,
          current.id,
          scope.companyId,
          guard,
        ),
      ),
      ...(seat
        ? [occupyById(seat.unit.calendarKey, slot.start, slot.end, current.id, scope.companyId, guard)]
        : []),
      ...recordModification(
        modificationOf(current, policy, {
          type: "reschedule",
          next: { start: first.start, end: last.end },
          reason: input.reason,
          actor: input.actor,
          periodMonth: periodMonth(now, zone),
          at: now.getTime(),
        }),
        guard,
      ),
      ...(input.actor.type === "calcom"
        ? []
        : [markCalcomPending(scope.companyId, { id: current.id }, guard)]),
    ]);
  } catch (error) {
    await releaseAll();
    if (isOccupancyConflict(error)) throw appointmentConflict(start, suggestions, ["database"]);
    throw error;
  }
  if (changesOf(results[0]) !== 1) {
    await releaseAll();
    throw versionConflict((await loadAppointment(scope, current.id)).version);
  }
  // The old segments go first: a new segment may take the same name in the same calendar.
  await Promise.all([
    ...oldSegments.map((s, i) => calendarFor(env, staffCalendarKey(s.staffId)).release(oldRefs[i]!)),
    oldUnitKey && calendarFor(env, oldUnitKey).release(appointmentRef({ uid })),
  ]);
  await commitAll();
  await requestCalcomPush(env, scope.companyId, calcomPendingIds(results));
  return {
    previous: current,
    appointment: await loadAppointment(scope, current.id),
    policy: policy.decision,
  };
}

/**
 * The composite request that books the same thing again: the composite service itself, or the
 * ad-hoc list of services with the stored durations and gaps.
 */
async function requestOf(
  scope: TenantScope,
  current: Appointment,
  segments: (typeof nestedBookingSlots.$inferSelect)[],
  staffId: number | undefined,
): Promise<CompositeRequest> {
  const [service] = await scope.db
    .select({ isComposite: services.isComposite })
    .from(services)
    .where(eq(services.id, current.serviceId))
    .limit(1);
  // Only an explicit new staff member is a requirement; otherwise the old staffing is preferred.
  const base = { branch_id: current.branchId, staff_id: staffId };
  if (service?.isComposite) return { ...base, service_id: current.serviceId };
  if (segments.some((s) => s.serviceId === null)) {
    throw new ApiError(
      409,
      "COMPOSITE_RESCHEDULE_UNSUPPORTED",
      "This composite appointment cannot be moved; cancel and book again",
    );
  }
  return {
    ...base,
    services: segments.map((s) => ({
      service_id: s.serviceId!,
      duration: Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000),
      gap_after_min_minutes: s.gapAfterMinutes,
      gap_after_max_minutes: s.gapAfterMinutes,
    })),
  };
}
