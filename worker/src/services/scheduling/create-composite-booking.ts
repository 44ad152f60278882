import { type SQL, sql } from "drizzle-orm";
import { appointments, customers } from "../../../../drizzle/schema";
import { calendarFor } from "../../calendar/calendar-client";
import { staffCalendarKey } from "../../calendar/granules";
import { pendingRef } from "../../calendar/refs";
import { runBatch } from "../../db/batch";
import type { TenantScope } from "../../db/tenant-scope";
import { localDate } from "../../domain/zoned-time";
import type { Env } from "../../env";
import { ApiError } from "../../http/errors";
import { markCalcomPending, requestCalcomPush } from "../calendar-sync/outbox";
import { branchTimeZone, loadAppointment } from "./appointment-access";
import { appointmentConflict } from "./booking-errors";
import { requireCustomer } from "./booking-target";
import { compositeAvailability } from "./composite-availability";
import type { CompositeRequest } from "./composite-plan";
import type { BookingSource } from "./create-booking";
import { isOccupancyConflict, occupyByUid } from "./occupancy-sql";

export interface CompositeBookingInput extends CompositeRequest {
  customerId: number;
  startsAt: Date;
  source: BookingSource;
  notes?: string | null;
  createdByUserId?: number | null;
}

const WRITE_RESERVATION_MS = 30_000;
const segmentRef = (uid: string, sequence: number) => `appt:${uid}#${sequence}`;

/**
 * Books a composite appointment across several calendars, all or nothing: find the plan for the
 * requested start, reserve every segment in its staff member's calendar object (in parallel),
 * write appointment, segments and every granule in one D1 batch, then make the reservations
 * permanent. If any segment is taken, or the write fails, every reservation is released: nothing
 * is left behind.
 */
export async function createCompositeBooking(scope: TenantScope, env: Env, input: CompositeBookingInput) {
  const customer = await requireCustomer(scope, input.customerId);
  const start = input.startsAt.getTime();
  const timeZone = await branchTimeZone(scope, input.branch_id);
  const availability = await compositeAvailability(scope, {
    ...input,
    date: localDate(input.startsAt, timeZone),
    days: 1,
    limit: 500,
  });
  const slot = availability.slots.find((s) => s.start === start);
  const suggestions = availability.slots
    .filter((s) => s.start > start)
    .slice(0, 3)
    .map((s) => ({
      starts_at: new Date(s.start).toISOString(),
      ends_at: new Date(s.end).toISOString(),
      date: s.date,
      time: s.localStart,
      staff_id: s.segments[0]!.staffId,
    }));
  if (!slot) {
    throw new ApiError(
      409,
      "SLOT_UNAVAILABLE",
      "The composite appointment does not fit at the requested time",
      {
        requested_time: input.startsAt.toISOString(),
        next_free_slots: suggestions,
      },
    );
  }

  const plan = availability.plan;
  const uid = crypto.randomUUID();
  // A segment whose staff stays busy through the following gap (staffBusyDuringGap) occupies it too.
  const occupied = slot.segments.map((segment, sequence) => {
    const next = slot.segments[sequence + 1];
    const holdsGap = next !== undefined && plan.segments[sequence]?.staffBusyDuringGap === true;
    return { start: segment.start, end: holdsGap ? next.start : segment.end };
  });
  const reservations = slot.segments.map((segment, sequence) => ({
    segment: { ...segment, ...occupied[sequence]! },
    sequence,
    ref: pendingRef(`${uid}#${sequence}`),
    calendar: calendarFor(env, staffCalendarKey(segment.staffId)),
  }));
  const outcomes = await Promise.all(
    reservations.map((r) =>
      r.calendar.reserve({
        ref: r.ref,
        kind: "pending",
        start: r.segment.start,
        end: r.segment.end,
        ttlMs: WRITE_RESERVATION_MS,
        appointmentUid: uid,
      }),
    ),
  );
  const releaseAll = () =>
    Promise.all(
      reservations.map((r, i) => (outcomes[i]?.ok ? r.calendar.release(r.ref) : Promise.resolve(false))),
    );
  const failed = outcomes.findIndex((o) => !o.ok);
  if (failed >= 0) {
    await releaseAll();
    throw appointmentConflict(start, suggestions, [`segment:${slot.segments[failed]!.key}`]);
  }

  const db = scope.db;
  const first = slot.segments[0]!;
  const last = slot.segments.at(-1)!;
  const now = new Date();
  const segmentRows: SQL[] = slot.segments.map(
    (
      segment,
      sequence,
    ) => sql`INSERT INTO nested_booking_slots (company_id, appointment_id, sequence, segment_key, service_id,
        staff_id, starts_at, ends_at, blocked_from, blocked_until, gap_after_minutes)
      SELECT ${scope.companyId}, id, ${sequence}, ${segment.key}, ${segment.serviceId ?? null}, ${segment.staffId},
        ${segment.start}, ${segment.end}, ${occupied[sequence]!.start}, ${occupied[sequence]!.end},
        ${sequence < slot.segments.length - 1 ? Math.round((slot.segments[sequence + 1]!.start - segment.end) / 60_000) : 0}
      FROM appointments WHERE uid = ${uid}`,
  );
  try {
    await runBatch(db, [
      db.insert(appointments).values({
        uid,
        companyId: scope.companyId,
        branchId: plan.branch.id,
        customerId: customer.id,
        staffId: first.staffId,
        serviceId: plan.compositeService?.id ?? plan.leadService.id,
        startsAt: new Date(first.start),
        endsAt: new Date(last.end),
        blockedFrom: new Date(first.start),
        blockedUntil: new Date(last.end),
        status: "confirmed",
        source: input.source,
        bookingType: "composite",
        isComposite: true,
        segments: slot.segments.map((s, sequence) => ({
          sequence,
          key: s.key,
          serviceId: s.serviceId ?? null,
          staffId: s.staffId,
          startsAt: s.start,
          endsAt: s.end,
        })),
        priceCents: plan.priceCents,
        currency: plan.leadService.currency,
        notes: input.notes ?? null,
        confirmedAt: now,
        createdByUserId: input.createdByUserId ?? null,
      }),
      ...segmentRows,
      ...slot.segments.map((s, i) =>
        occupyByUid(staffCalendarKey(s.staffId), occupied[i]!.start, occupied[i]!.end, uid, scope.companyId),
      ),
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
  await Promise.all(
    reservations.map((r) => r.calendar.commit(r.ref, uid, { finalRef: segmentRef(uid, r.sequence) })),
  );
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(sql`${appointments.uid} = ${uid}`);
  await requestCalcomPush(env, scope.companyId, [row!.id]);
  return loadAppointment(scope, row!.id);
}
