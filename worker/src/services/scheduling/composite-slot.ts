import { type SQL, sql } from "drizzle-orm";
import { calendarFor } from "../../calendar/calendar-client";
import { staffCalendarKey } from "../../calendar/granules";
import { holdPartRef, pendingRef, resourceHoldRef } from "../../calendar/refs";
import type { TenantScope } from "../../db/tenant-scope";
import { localDate } from "../../domain/zoned-time";
import type { Env } from "../../env";
import { ApiError } from "../../http/errors";
import { reserveResourceUnit } from "../resources/reserve-unit";
import type { ResourceUnit } from "../resources/resource-units";
import { branchTimeZone } from "./appointment-access";
import { compositeAvailability } from "./composite-availability";
import type { CompositeRequest } from "./composite-plan";

/** How long a composite booking may take to write before its calendar reservations lapse. */
const WRITE_RESERVATION_MS = 30_000;

/** The calendar entry of one segment of a composite appointment. */
export const segmentRef = (uid: string, sequence: number) => `appt:${uid}#${sequence}`;

type Availability = Awaited<ReturnType<typeof compositeAvailability>>;
export type CompositeSlot = Availability["slots"][number];

/**
 * The composite slot starting exactly at `start` (every segment with a free, qualified staff
 * member), and the next free ones after it for a 409. `prefer` names, per segment, the staff
 * member to keep wherever they are free (the one it had, or the one a held offer keeps).
 */
export async function compositeSlotAt(
  scope: TenantScope,
  request: CompositeRequest,
  start: number,
  options: {
    ignoreAppointmentIds?: readonly number[];
    prefer?: readonly number[];
    /** A voice call booking one of its offers: its holds are not in its way. */
    ignoreHoldsOfCall?: string | undefined;
  } = {},
) {
  const timeZone = await branchTimeZone(scope, request.branch_id);
  const availability = await compositeAvailability(
    scope,
    { ...request, date: localDate(new Date(start), timeZone), days: 1, limit: 500 },
    Date.now(),
    {
      ignoreAppointmentIds: options.ignoreAppointmentIds ?? [],
      ignoreHoldsOfCall: options.ignoreHoldsOfCall,
      preferStaff: options.prefer,
    },
  );
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
        requested_time: new Date(start).toISOString(),
        next_free_slots: suggestions,
      },
    );
  }
  return {
    plan: availability.plan,
    slot,
    occupied: occupiedSpans(availability.plan, slot),
    suggestions,
    resource: availability.requiresResource ? { units: availability.resourceUnits } : null,
  };
}

/**
 * The time each segment takes from its staff member's calendar: its own, and the following gap
 * too when the staff member stays busy through it (staffBusyDuringGap).
 */
export function occupiedSpans(plan: Availability["plan"], slot: CompositeSlot) {
  return slot.segments.map((segment, sequence) => {
    const next = slot.segments[sequence + 1];
    const holdsGap = next !== undefined && plan.segments[sequence]?.staffBusyDuringGap === true;
    return { start: segment.start, end: holdsGap ? next.start : segment.end };
  });
}

/** The room or chair a composite needs: its units, the one to try first, entries to disregard. */
export interface CompositeResourceClaim {
  units: readonly ResourceUnit[];
  preferred?: string | undefined;
  ignoreRefs?: string[];
}

/**
 * Reserves every segment in its staff member's calendar object, side by side, and the room or
 * chair (one unit, from the first segment's start to the last one's end) when one is needed.
 * `ignoreRefs` lets a moved appointment overlap its own old segments. `convertsHold`: the hold a
 * voice call took for this time; committing lets each of its parts go with the segment that
 * replaces it. `failed` names what could not be had; the caller then releases everything.
 */
export async function reserveSegments(
  env: Env,
  uid: string,
  slot: CompositeSlot,
  occupied: { start: number; end: number }[],
  ignoreRefs: string[] = [],
  resource: CompositeResourceClaim | null = null,
  convertsHold?: string,
) {
  const reservations = slot.segments.map((segment, sequence) => ({
    sequence,
    ref: pendingRef(`${uid}#${sequence}`),
    calendar: calendarFor(env, staffCalendarKey(segment.staffId)),
  }));
  const resourceRef = pendingRef(`${uid}#resource`);
  const seatRequest = resource
    ? reserveResourceUnit(
        env,
        resource.units,
        {
          ref: resourceRef,
          kind: "pending",
          start: slot.start,
          end: slot.end,
          ttlMs: WRITE_RESERVATION_MS,
          appointmentUid: uid,
          ignoreRefs: resource.ignoreRefs ?? [],
        },
        resource.preferred ?? slot.resourceUnit?.calendarKey,
      )
    : Promise.resolve(null);
  const outcomes = await Promise.all(
    reservations.map((r) =>
      r.calendar.reserve({
        ref: r.ref,
        kind: "pending",
        start: occupied[r.sequence]!.start,
        end: occupied[r.sequence]!.end,
        ttlMs: WRITE_RESERVATION_MS,
        appointmentUid: uid,
        ignoreRefs,
      }),
    ),
  );
  const seat = await seatRequest;
  const releaseAll = () =>
    Promise.all([
      ...reservations.map((r, i) => (outcomes[i]?.ok ? r.calendar.release(r.ref) : Promise.resolve(false))),
      seat?.calendar.release(resourceRef),
    ]);
  const commitAll = () =>
    Promise.all([
      ...reservations.map((r) =>
        r.calendar.commit(r.ref, uid, {
          finalRef: segmentRef(uid, r.sequence),
          ...(convertsHold ? { replaces: holdPartRef(convertsHold, r.sequence) } : {}),
        }),
      ),
      seat?.calendar.commit(
        resourceRef,
        uid,
        convertsHold ? { replaces: resourceHoldRef(convertsHold) } : {},
      ),
    ]);
  const failedSegment = outcomes.findIndex((o) => !o.ok);
  const failed =
    failedSegment >= 0
      ? `segment:${slot.segments[failedSegment]!.key}`
      : resource && !seat
        ? "resource"
        : null;
  return { failed, seat, releaseAll, commitAll };
}

/** The nested_booking_slots rows of a slot for the appointment `appointmentId` (an SQL expression). */
export function segmentRowStatements(
  companyId: number,
  appointmentId: SQL,
  slot: CompositeSlot,
  occupied: { start: number; end: number }[],
  guard: SQL = sql`1`,
): SQL[] {
  return slot.segments.map(
    (
      segment,
      sequence,
    ) => sql`INSERT INTO nested_booking_slots (company_id, appointment_id, sequence, segment_key,
        service_id, staff_id, starts_at, ends_at, blocked_from, blocked_until, gap_after_minutes)
      SELECT ${companyId}, ${appointmentId}, ${sequence}, ${segment.key}, ${segment.serviceId ?? null}, ${segment.staffId},
        ${segment.start}, ${segment.end}, ${occupied[sequence]!.start}, ${occupied[sequence]!.end},
        ${sequence < slot.segments.length - 1 ? Math.round((slot.segments[sequence + 1]!.start - segment.end) / 60_000) : 0}
      WHERE ${guard}`,
  );
}

/** The appointment's summary of its segments (appointments.segments). */
export const segmentSummary = (slot: CompositeSlot) =>
  slot.segments.map((s, sequence) => ({
    sequence,
    key: s.key,
    serviceId: s.serviceId ?? null,
    staffId: s.staffId,
    startsAt: s.start,
    endsAt: s.end,
  }));
