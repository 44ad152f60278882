import { and, eq, isNull, ne, or } from "drizzle-orm";
import { type CalcomEventMap, calcomEventMaps, type DriftDetail } from "../../../../../drizzle/schema";
import type { Db } from "../../../db/client";

export interface BookingRef {
  uid: string;
  bookingId?: number | null | undefined;
  eventTypeId?: number | null | undefined;
  sequence?: number | null | undefined;
}

/** The link of a Cal.com booking (by its uid, or the uid it was rescheduled from), if any. */
export async function linkOfUids(db: Db, companyId: number, uids: string[]): Promise<CalcomEventMap | null> {
  const [row] = await db
    .select()
    .from(calcomEventMaps)
    .where(
      and(
        eq(calcomEventMaps.companyId, companyId),
        or(...uids.map((uid) => eq(calcomEventMaps.calcomBookingUid, uid))),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Links an appointment to its (current) Cal.com booking; both sides agree now. */
export async function linkAppointment(db: Db, companyId: number, appointmentId: number, booking: BookingRef) {
  const now = new Date();
  const values = {
    calcomBookingUid: booking.uid,
    calcomBookingId: booking.bookingId ?? null,
    calcomEventTypeId: booking.eventTypeId ?? null,
    calcomSequence: booking.sequence ?? null,
    pushStatus: "pushed" as const,
    driftStatus: "synced" as const,
    lastSyncedAt: now,
    updatedAt: now,
  };
  // Another row holding this uid (an earlier refusal, or the link of a replaced appointment) gives way.
  await db
    .delete(calcomEventMaps)
    .where(
      and(
        eq(calcomEventMaps.companyId, companyId),
        eq(calcomEventMaps.calcomBookingUid, booking.uid),
        or(isNull(calcomEventMaps.appointmentId), ne(calcomEventMaps.appointmentId, appointmentId)),
      ),
    );
  await db
    .insert(calcomEventMaps)
    .values({ companyId, appointmentId, origin: "calcom", ...values })
    .onConflictDoUpdate({ target: calcomEventMaps.appointmentId, set: values });
}

/**
 * Records a Cal.com booking the platform could not take (a collision, an unmapped staff member or
 * service) for manual review; it shows up as drift until someone resolves it.
 */
export async function recordForReview(
  db: Db,
  companyId: number,
  booking: BookingRef,
  details: DriftDetail[],
) {
  const now = new Date();
  const values = {
    calcomBookingId: booking.bookingId ?? null,
    calcomEventTypeId: booking.eventTypeId ?? null,
    calcomSequence: booking.sequence ?? null,
    pushStatus: "pushed" as const,
    driftStatus: "manual_review" as const,
    driftDetails: details,
    driftDetectedAt: now,
    updatedAt: now,
  };
  await db
    .insert(calcomEventMaps)
    .values({ companyId, appointmentId: null, calcomBookingUid: booking.uid, origin: "calcom", ...values })
    .onConflictDoUpdate({ target: calcomEventMaps.calcomBookingUid, set: values });
}
