import { eq, isNotNull, sql } from "drizzle-orm";
import { appointments, calendarHolds, customers } from "../../../../drizzle/schema";
import { staffCalendarKey } from "../../calendar/granules";
import { holdPartIndex, resourceHoldRef } from "../../calendar/refs";
import { runBatch } from "../../db/batch";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { calcomPendingIds, markCalcomPending, requestCalcomPush } from "../calendar-sync/outbox";
import { loadAppointment } from "./appointment-access";
import { appointmentConflict } from "./booking-errors";
import { requireCustomer } from "./booking-target";
import type { CompositeRequest } from "./composite-plan";
import { compositeSlotAt, reserveSegments, segmentRowStatements, segmentSummary } from "./composite-slot";
import type { BookingSource } from "./create-booking";
import { isOccupancyConflict, occupyByUid } from "./occupancy-sql";

export interface CompositeBookingInput extends CompositeRequest {
  customerId: number;
  startsAt: Date;
  source: BookingSource;
  notes?: string | null;
  createdByUserId?: number | null;
  /**
   * A voice call's hold on this time (every step held in its staff member's calendar): the booking
   * takes the held staffing wherever it is still free (each step with the staff member its part
   * holds), passes through the hold and takes its place. The call's other holds are released by
   * the call (releaseCallHolds).
   */
  hold?: { id: string; callId: string } | undefined;
}

/**
 * Books a composite appointment across several calendars, all or nothing: find the plan for the
 * requested start, reserve every segment in its staff member's calendar object (in parallel),
 * write appointment, segments and every granule in one D1 batch, then make the reservations
 * permanent. If any segment is taken, or the write fails, every reservation is released: nothing
 * is left behind.
 */
export async function createCompositeBooking(scope: TenantScope, env: Env, input: CompositeBookingInput) {
  const hold = input.hold;
  const [customer, heldStaff] = await Promise.all([
    requireCustomer(scope, input.customerId),
    hold ? heldStaffing(scope, hold) : undefined,
  ]);
  const start = input.startsAt.getTime();
  const { plan, slot, occupied, suggestions, resource } = await compositeSlotAt(scope, input, start, {
    ignoreHoldsOfCall: hold?.callId,
    ...(heldStaff ? { prefer: heldStaff } : {}),
  });
  const uid = crypto.randomUUID();
  const { failed, seat, releaseAll, commitAll } = await reserveSegments(
    env,
    uid,
    slot,
    occupied,
    hold ? [hold.id] : [],
    resource && hold ? { ...resource, ignoreRefs: [resourceHoldRef(hold.id)] } : resource,
    hold?.id,
  );
  if (failed) {
    await releaseAll();
    throw appointmentConflict(start, suggestions, [failed]);
  }

  const db = scope.db;
  const first = slot.segments[0]!;
  const last = slot.segments.at(-1)!;
  const now = new Date();
  let results: D1Result[];
  try {
    results = await runBatch(db, [
      db.insert(appointments).values({
        uid,
        companyId: scope.companyId,
        branchId: plan.branch.id,
        customerId: customer.id,
        staffId: first.staffId,
        serviceId: plan.compositeService?.id ?? plan.leadService.id,
        resourceId: seat?.unit.resourceId ?? null,
        resourceUnit: seat?.unit.unit ?? null,
        startsAt: new Date(first.start),
        endsAt: new Date(last.end),
        blockedFrom: new Date(first.start),
        blockedUntil: new Date(last.end),
        status: "confirmed",
        source: input.source,
        bookingType: "composite",
        isComposite: true,
        segments: segmentSummary(slot),
        priceCents: plan.priceCents,
        currency: plan.leadService.currency,
        notes: input.notes ?? null,
        confirmedAt: now,
        createdByUserId: input.createdByUserId ?? null,
      }),
      ...segmentRowStatements(
        scope.companyId,
        sql`(SELECT id FROM appointments WHERE uid = ${uid})`,
        slot,
        occupied,
      ),
      ...slot.segments.map((s, i) =>
        occupyByUid(staffCalendarKey(s.staffId), occupied[i]!.start, occupied[i]!.end, uid, scope.companyId),
      ),
      ...(seat ? [occupyByUid(seat.unit.calendarKey, slot.start, slot.end, uid, scope.companyId)] : []),
      db
        .update(customers)
        .set({ appointmentCount: sql`${customers.appointmentCount} + 1`, updatedAt: now })
        .where(scope.byId(customers, customer.id)),
      markCalcomPending(scope.companyId, { uid }),
    ]);
  } catch (error) {
    await releaseAll();
    if (isOccupancyConflict(error)) throw appointmentConflict(start, suggestions, ["database"]);
    throw error;
  }
  await commitAll();
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(sql`${appointments.uid} = ${uid}`);
  await requestCalcomPush(env, scope.companyId, calcomPendingIds(results));
  return loadAppointment(scope, row!.id);
}

/** The staff member each step of a call's hold keeps, in step order (its parts' D1 copies). */
async function heldStaffing(scope: TenantScope, hold: { id: string; callId: string }): Promise<number[]> {
  const parts = await scope.db
    .select({ id: calendarHolds.id, staffId: calendarHolds.staffId })
    .from(calendarHolds)
    .where(
      scope.where(
        calendarHolds,
        eq(calendarHolds.groupId, hold.id),
        eq(calendarHolds.callId, hold.callId),
        isNotNull(calendarHolds.staffId),
      ),
    );
  return parts.sort((a, b) => holdPartIndex(a.id) - holdPartIndex(b.id)).map((part) => part.staffId!);
}
