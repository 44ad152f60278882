import { eq, sql } from "drizzle-orm";
import { appointments, calendarHolds, customers } from "../../../../drizzle/schema";
import { calendarFor } from "../../calendar/calendar-client";
import { staffCalendarKey } from "../../calendar/granules";
import { appointmentRef, pendingRef } from "../../calendar/refs";
import { runBatch } from "../../db/batch";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { ApiError, invalidFields } from "../../http/errors";
import { calcomPendingIds, markCalcomPending, requestCalcomPush } from "../calendar-sync/outbox";
import { absencesAround, requireWithinAvailability, spanOf } from "./availability-rules";
import { appointmentConflict } from "./booking-errors";
import { requireCustomer, resolveBookingTarget } from "./booking-target";
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
 * with nothing in between), write appointment and occupancy granules to D1 in one batch (the
 * database refuses an overlap by itself), then make the reservation permanent. Any failure
 * releases the reservation, so nothing is left behind.
 */
export async function createBooking(scope: TenantScope, env: Env, input: CreateBookingInput) {
  // Independent reads run side by side: the caller is waiting.
  const staffBranch = sql`(SELECT branch_id FROM staff WHERE id = ${input.staffId} AND company_id = ${scope.companyId})`;
  const calendars = absencesAround(
    scope,
    input.branchId ?? staffBranch,
    input.staffId,
    input.startsAt.getTime(),
  );
  calendars.catch(() => undefined); // judged below, after the request's own checks
  const [target, customer, hold] = await Promise.all([
    resolveBookingTarget(scope, input),
    requireCustomer(scope, input.customerId),
    input.holdId ? requireLiveHold(scope, input.holdId) : Promise.resolve(null),
  ]);
  if (hold && hold.staffId !== target.staff.id) {
    throw invalidFields({ "body.hold_id": ["The hold is for another staff member"] });
  }
  const span = spanOf(target, input.startsAt.getTime());
  if (input.startsAt.getTime() % (5 * MINUTE) !== 0) {
    throw new ApiError(422, "VALIDATION_ERROR", "Validation failed", {
      fields: { "body.starts_at": ["Appointments start on a 5-minute boundary"] },
    });
  }
  await requireWithinAvailability(scope, target, span.start, { calendars });

  const uid = crypto.randomUUID();
  const calendar = calendarFor(env, staffCalendarKey(target.staff.id));
  const reservation = await calendar.reserve({
    ref: pendingRef(uid),
    kind: "pending",
    start: span.blockedFrom,
    end: span.blockedUntil,
    ttlMs: WRITE_RESERVATION_MS,
    appointmentUid: uid,
    ignoreRefs: input.holdId ? [input.holdId] : [],
  });
  if (!reservation.ok) {
    throw appointmentConflict(
      span.start,
      await suggestSlots(scope, target, span.start),
      reservation.conflicts.map((c) => c.kind),
    );
  }

  const db = scope.db;
  const now = new Date();
  const status = input.status ?? "confirmed";
  const pushToCalcom = input.fromCalcom !== true;
  let queuedForCalcom: number[] = [];
  try {
    const results = await runBatch(db, [
      db.insert(appointments).values({
        uid,
        companyId: scope.companyId,
        branchId: target.branch.id,
        customerId: customer.id,
        staffId: target.staff.id,
        serviceId: target.service.id,
        startsAt: new Date(span.start),
        endsAt: new Date(span.end),
        blockedFrom: new Date(span.blockedFrom),
        blockedUntil: new Date(span.blockedUntil),
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
      }),
      occupyByUid(
        staffCalendarKey(target.staff.id),
        span.blockedFrom,
        span.blockedUntil,
        uid,
        scope.companyId,
      ),
      db
        .update(customers)
        .set({
          appointmentCount: sql`${customers.appointmentCount} + 1`,
          journeyStatus: sql`CASE WHEN ${customers.journeyStatus} = 'lead' THEN 'prospect' ELSE ${customers.journeyStatus} END`,
          updatedAt: now,
        })
        .where(scope.byId(customers, customer.id)),
      ...(input.holdId
        ? [db.delete(calendarHolds).where(scope.where(calendarHolds, eq(calendarHolds.id, input.holdId)))]
        : []),
      ...(pushToCalcom ? [markCalcomPending(scope.companyId, { uid })] : []),
    ]);
    queuedForCalcom = calcomPendingIds(results);
  } catch (error) {
    await calendar.release(pendingRef(uid));
    if (isOccupancyConflict(error)) {
      // The database saw an overlap the calendar object did not know: relearn from D1.
      await calendar.resync();
      throw appointmentConflict(span.start, await suggestSlots(scope, target, span.start), ["database"]);
    }
    throw error;
  }
  await calendar.commit(pendingRef(uid), uid, input.holdId ? { replaces: input.holdId } : {});
  const [row] = await db.select().from(appointments).where(eq(appointments.uid, uid)).limit(1);
  await requestCalcomPush(env, scope.companyId, queuedForCalcom);
  return { appointment: row!, target, ref: appointmentRef({ uid }) };
}
