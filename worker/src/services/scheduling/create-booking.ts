import { inArray, sql } from "drizzle-orm";
import { appointments, calendarHolds, customers } from "../../../../drizzle/schema";
import { calendarFor } from "../../calendar/calendar-client";
import { staffCalendarKey } from "../../calendar/granules";
import { appointmentRef, pendingRef, resourceHoldRef } from "../../calendar/refs";
import { rowOf, runBatch } from "../../db/batch";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { ApiError, invalidFields } from "../../http/errors";
import { calcomPendingIds, markCalcomPending, requestCalcomPush } from "../calendar-sync/outbox";
import { reserveResourceUnit } from "../resources/reserve-unit";
import { unitsForBooking } from "../resources/resource-units";
import {
  absencesOf,
  absencesQuery,
  placementColumns,
  requireWithinAvailability,
  spanOf,
} from "./availability-rules";
import { appointmentConflict } from "./booking-errors";
import { bookingTargetOf, bookingTargetQuery, customerOf, customerQuery } from "./booking-target";
import { requireLiveHold } from "./holds";
import { isOccupancyConflict, occupyByUid } from "./occupancy-sql";
import { suggestSlots } from "./slot-suggestions";

export type BookingSource = (typeof appointments.$inferInsert)["source"];

export interface CreateBookingInput {
  customerId: number;
  serviceId: number;
  staffId: number;
  branchId?: number;
  startsAt: Date;
  source: BookingSource;
  status?: "pending" | "confirmed";
  notes?: string | null;
  customerNotes?: string | null;
  /** A hold taken earlier for this very slot (voice calls), released when the booking commits. */
  holdId?: string;
  createdByUserId?: number | null;
  /** The voice call (calls.id) the booking was made in. */
  callId?: number | null;
  /** Applied from a Cal.com webhook: not pushed back to Cal.com (the webhook links it itself). */
  fromCalcom?: boolean;
}

/** How long a booking may take to write before its calendar reservation lapses. */
const WRITE_RESERVATION_MS = 30_000;
const MINUTE = 60_000;

/**
 * Books one appointment: reserve the time in the staff member's calendar object (check and write
 * with nothing in between) and, when the service needs a room or chair, in one free unit's
 * calendar object; write appointment and occupancy granules of every calendar to D1 in one batch
 * (the database refuses an overlap by itself), then make the reservations permanent. Any failure
 * releases every reservation, so nothing is left behind.
 */
export async function createBooking(scope: TenantScope, env: Env, input: CreateBookingInput) {
  // Independent reads in one round trip (the caller is waiting): target, customer, and the staff
  // member's absences (their branch read inside the statement).
  const staffBranch = sql`(SELECT branch_id FROM staff WHERE id = ${input.staffId} AND company_id = ${scope.companyId})`;
  const [[targetRows, customerRows, absenceRows], hold] = await Promise.all([
    scope.db.batch([
      bookingTargetQuery(scope, input),
      customerQuery(scope, input.customerId),
      absencesQuery(scope, input.branchId ?? staffBranch, input.staffId, input.startsAt.getTime()),
    ]),
    input.holdId ? requireLiveHold(scope, input.holdId) : Promise.resolve(null),
  ]);
  const target = bookingTargetOf(scope, input, targetRows[0]);
  const customer = customerOf(customerRows);
  // Judged below, after the request's own checks.
  const calendars = Promise.resolve(absencesOf(absenceRows, input.staffId));
  if (hold && hold.staffId !== target.staff.id) {
    throw invalidFields({ "body.hold_id": ["The hold is for another staff member"] });
  }
  const span = spanOf(target, input.startsAt.getTime());
  if (input.startsAt.getTime() % (5 * MINUTE) !== 0) {
    throw new ApiError(422, "VALIDATION_ERROR", "Validation failed", {
      fields: { "body.starts_at": ["Appointments start on a 5-minute boundary"] },
    });
  }
  const resourceType = target.service.requiredResourceType;
  const heldUnit = input.holdId ? resourceHoldRef(input.holdId) : undefined;
  const units = unitsForBooking(scope, target, span, { ignoreHoldIds: heldUnit ? [heldUnit] : [] }); // awaited after the working-time check
  await requireWithinAvailability(scope, target, span.start, { calendars });

  const uid = crypto.randomUUID();
  const calendar = calendarFor(env, staffCalendarKey(target.staff.id));
  const pending = {
    ref: pendingRef(uid),
    kind: "pending" as const,
    start: span.blockedFrom,
    end: span.blockedUntil,
    ttlMs: WRITE_RESERVATION_MS,
    appointmentUid: uid,
  };
  const resourceUnits = await units;
  const [reservation, seat] = await Promise.all([
    calendar.reserve({ ...pending, ignoreRefs: input.holdId ? [input.holdId] : [] }),
    resourceType
      ? reserveResourceUnit(
          env,
          resourceUnits,
          { ...pending, ignoreRefs: heldUnit ? [heldUnit] : [] },
          resourceUnits.find((u) => heldUnit && u.holdIds.includes(heldUnit))?.calendarKey,
        )
      : Promise.resolve(null),
  ]);
  if (!reservation.ok || (resourceType && !seat)) {
    await Promise.all([
      reservation.ok ? calendar.release(pendingRef(uid)) : null,
      seat?.calendar.release(pendingRef(uid)),
    ]);
    throw appointmentConflict(span.start, await suggestSlots(scope, target, span.start), [
      ...(reservation.ok ? [] : reservation.conflicts.map((c) => c.kind)),
      ...(resourceType && !seat ? ["resource"] : []),
    ]);
  }

  const db = scope.db;
  const now = new Date();
  const status = input.status ?? "confirmed";
  const pushToCalcom = input.fromCalcom !== true;
  let queuedForCalcom: number[] = [];
  let inserted: Record<string, unknown> | undefined;
  try {
    const results = await runBatch(db, [
      db
        .insert(appointments)
        .values({
          uid,
          companyId: scope.companyId,
          branchId: target.branch.id,
          customerId: customer.id,
          staffId: target.staff.id,
          serviceId: target.service.id,
          ...placementColumns(span, seat),
          status,
          source: input.source,
          bookingType: "simple",
          priceCents: target.priceCents,
          currency: target.currency,
          notes: input.notes ?? null,
          customerNotes: input.customerNotes ?? null,
          confirmedAt: status === "confirmed" ? now : null,
          createdByUserId: input.createdByUserId ?? null,
          callId: input.callId ?? null,
        })
        // The stored row comes back with the write: no read after the commit.
        .returning(),
      occupyByUid(
        staffCalendarKey(target.staff.id),
        span.blockedFrom,
        span.blockedUntil,
        uid,
        scope.companyId,
      ),
      ...(seat
        ? [occupyByUid(seat.unit.calendarKey, span.blockedFrom, span.blockedUntil, uid, scope.companyId)]
        : []),
      db
        .update(customers)
        .set({
          appointmentCount: sql`${customers.appointmentCount} + 1`,
          journeyStatus: sql`CASE WHEN ${customers.journeyStatus} = 'lead' THEN 'prospect' ELSE ${customers.journeyStatus} END`,
          updatedAt: now,
        })
        .where(scope.byId(customers, customer.id)),
      ...(input.holdId
        ? [
            db
              .delete(calendarHolds)
              .where(scope.where(calendarHolds, inArray(calendarHolds.id, [input.holdId, heldUnit!]))),
          ]
        : []),
      ...(pushToCalcom ? [markCalcomPending(scope.companyId, { uid })] : []),
    ]);
    queuedForCalcom = calcomPendingIds(results);
    inserted = results[0]?.results?.[0] as Record<string, unknown> | undefined;
  } catch (error) {
    await Promise.all([calendar.release(pendingRef(uid)), seat?.calendar.release(pendingRef(uid))]);
    if (isOccupancyConflict(error)) {
      // The database saw an overlap a calendar object did not know: relearn from D1.
      await Promise.all([calendar.resync(), seat?.calendar.resync()]);
      throw appointmentConflict(span.start, await suggestSlots(scope, target, span.start), ["database"]);
    }
    throw error;
  }
  await Promise.all([
    calendar.commit(pendingRef(uid), uid, input.holdId ? { replaces: input.holdId } : {}),
    seat?.calendar.commit(pendingRef(uid), uid, heldUnit ? { replaces: heldUnit } : {}),
    releaseUnusedUnitHold(env, resourceUnits, heldUnit, seat?.unit.calendarKey),
  ]);
  await requestCalcomPush(env, scope.companyId, queuedForCalcom);
  return { appointment: rowOf(appointments, inserted!), target, ref: appointmentRef({ uid }) };
}

/** A hold kept one unit but the booking took another (the held one was lost): let the hold go. */
async function releaseUnusedUnitHold(
  env: Env,
  units: readonly { calendarKey: string; holdIds: string[] }[],
  heldUnit: string | undefined,
  usedKey: string | undefined,
) {
  const held = heldUnit ? units.find((u) => u.holdIds.includes(heldUnit)) : undefined;
  if (held && heldUnit && held.calendarKey !== usedKey)
    await calendarFor(env, held.calendarKey).release(heldUnit);
}
