import { sql } from "drizzle-orm";
import { appointments } from "../../../../drizzle/schema";
import { type CalendarHandle, calendarFor } from "../../calendar/calendar-client";
import { resourceKeysOf, staffCalendarKey } from "../../calendar/granules";
import { appointmentRef, moveRef } from "../../calendar/refs";
import { changesOf, runBatch } from "../../db/batch";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { ApiError } from "../../http/errors";
import { calcomPendingIds, markCalcomPending, requestCalcomPush } from "../calendar-sync/outbox";
import { reserveResourceUnit } from "../resources/reserve-unit";
import { unitsForBooking } from "../resources/resource-units";
import { type Actor, CHANGEABLE, loadAppointment, unchangedSince } from "./appointment-access";
import { placementColumns, requireWithinAvailability, spanOf } from "./availability-rules";
import { appointmentConflict, versionConflict } from "./booking-errors";
import { resolveBookingTarget } from "./booking-target";
import { modificationOf, recordModification } from "./modification-sql";
import { freeAppointment, isOccupancyConflict, occupyById, updatedBy } from "./occupancy-sql";
import { checkReschedule, periodMonth } from "./policy-check";
import { rescheduleComposite } from "./reschedule-composite";
import { suggestSlots } from "./slot-suggestions";

export interface RescheduleInput {
  appointmentId: number;
  newStartsAt: Date;
  newStaffId?: number | undefined;
  reason?: string | undefined;
  expectedVersion?: number | undefined;
  actor: Actor;
}

const WRITE_RESERVATION_MS = 30_000;

/**
 * Moves an appointment: policy check, availability rules, then the new time is reserved in the
 * (new) staff member's calendar object while the old one stays held, the change is written with
 * its granules, modification record and statistics in one batch that only takes effect if nobody
 * changed the appointment meanwhile (version), and only then is the old time let go.
 */
export async function rescheduleBooking(scope: TenantScope, env: Env, input: RescheduleInput) {
  const current = await loadAppointment(scope, input.appointmentId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
    throw versionConflict(current.version);
  if (!(CHANGEABLE as readonly string[]).includes(current.status)) {
    throw new ApiError(
      409,
      "APPOINTMENT_NOT_CHANGEABLE",
      `An appointment that is ${current.status} cannot be moved`,
    );
  }
  if (current.isComposite) return rescheduleComposite(scope, env, current, input);
  const target = await resolveBookingTarget(scope, {
    branchId: current.branchId,
    serviceId: current.serviceId,
    staffId: input.newStaffId ?? current.staffId,
  });
  const now = new Date();
  const policy = await checkReschedule(scope, current, input.newStartsAt, now);
  // A change already made on Cal.com cannot be refused there; its violation is still recorded.
  if (!policy.decision.allowed && input.actor.type !== "calcom") {
    throw new ApiError(409, "POLICY_VIOLATION", policy.decision.reason, { policy: policy.decision });
  }
  const span = spanOf(target, input.newStartsAt.getTime());
  const resourceType = target.service.requiredResourceType;
  const units = unitsForBooking(scope, target, span, { ignoreAppointmentIds: [current.id] }); // awaited after the working-time check
  await requireWithinAvailability(scope, target, span.start, { ignoreAppointmentIds: [current.id] });

  const uid = current.uid ?? crypto.randomUUID();
  const oldRef = appointmentRef(current);
  const oldCalendar = calendarFor(env, staffCalendarKey(current.staffId));
  const calendar = calendarFor(env, staffCalendarKey(target.staff.id));
  const oldUnitKey = resourceKeysOf(current)[0];
  const move = {
    ref: moveRef(uid),
    kind: "pending" as const,
    start: span.blockedFrom,
    end: span.blockedUntil,
    ttlMs: WRITE_RESERVATION_MS,
    ignoreRefs: [oldRef],
  };
  const [reservation, seat] = await Promise.all([
    calendar.reserve(move),
    // The room or chair it had is kept when it is free at the new time.
    resourceType ? reserveResourceUnit(env, await units, move, oldUnitKey) : Promise.resolve(null),
  ]);
  const releaseMove = () =>
    Promise.all([
      reservation.ok ? calendar.release(moveRef(uid)) : null,
      seat?.calendar.release(moveRef(uid)),
    ]);
  if (!reservation.ok || (resourceType && !seat)) {
    await releaseMove();
    const suggestions = await suggestSlots(scope, target, span.start, 3, {
      ignoreAppointmentIds: [current.id],
    });
    throw appointmentConflict(span.start, suggestions, [
      ...(reservation.ok ? [] : reservation.conflicts.map((c) => c.kind)),
      ...(resourceType && !seat ? ["resource"] : []),
    ]);
  }

  const db = scope.db;
  const lockToken = crypto.randomUUID();
  const guard = updatedBy(current.id, lockToken);
  let applied: boolean;
  const pushToCalcom = input.actor.type !== "calcom";
  let queuedForCalcom: number[] = [];
  try {
    const results = await runBatch(db, [
      db
        .update(appointments)
        .set({
          uid,
          staffId: target.staff.id,
          ...placementColumns(span, seat),
          version: sql`${appointments.version} + 1`,
          lockToken,
          updatedAt: now,
        })
        .where(unchangedSince(scope, current)),
      freeAppointment(current.id, guard),
      occupyById(
        staffCalendarKey(target.staff.id),
        span.blockedFrom,
        span.blockedUntil,
        current.id,
        scope.companyId,
        guard,
      ),
      ...(seat
        ? [
            occupyById(
              seat.unit.calendarKey,
              span.blockedFrom,
              span.blockedUntil,
              current.id,
              scope.companyId,
              guard,
            ),
          ]
        : []),
      ...recordModification(
        modificationOf(current, policy, {
          type: "reschedule",
          next: { start: span.start, end: span.end },
          reason: input.reason,
          actor: input.actor,
          periodMonth: periodMonth(now, target.timeZone),
          at: now.getTime(),
        }),
        guard,
      ),
      ...(pushToCalcom ? [markCalcomPending(scope.companyId, { id: current.id }, guard)] : []),
    ]);
    applied = changesOf(results[0]) === 1;
    queuedForCalcom = calcomPendingIds(results);
  } catch (error) {
    await releaseMove();
    if (isOccupancyConflict(error)) {
      await Promise.all([calendar.resync(), seat?.calendar.resync()]);
      throw appointmentConflict(
        span.start,
        await suggestSlots(scope, target, span.start, 3, { ignoreAppointmentIds: [current.id] }),
        ["database"],
      );
    }
    throw error;
  }
  if (!applied) {
    await releaseMove();
    throw versionConflict((await loadAppointment(scope, current.id)).version);
  }
  await Promise.all([
    settleMove(calendar, oldCalendar, moveRef(uid), uid, oldRef),
    seat
      ? settleMove(seat.calendar, oldUnitKey ? calendarFor(env, oldUnitKey) : null, moveRef(uid), uid, oldRef)
      : oldUnitKey && calendarFor(env, oldUnitKey).release(oldRef),
  ]);
  await requestCalcomPush(env, scope.companyId, queuedForCalcom);
  return {
    previous: current,
    appointment: await loadAppointment(scope, current.id),
    policy: policy.decision,
  };
}

/** Makes the new time permanent in `calendar` and lets the old one go (in the same or the old calendar). */
async function settleMove(
  calendar: CalendarHandle,
  oldCalendar: CalendarHandle | null,
  ref: string,
  uid: string,
  oldRef: string,
) {
  if (oldCalendar?.key === calendar.key) {
    await calendar.commit(ref, uid, { replaces: oldRef });
  } else {
    await calendar.commit(ref, uid);
    await oldCalendar?.release(oldRef);
  }
}
