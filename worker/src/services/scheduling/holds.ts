import { eq, inArray } from "drizzle-orm";
import { calendarHolds, companies } from "../../../../drizzle/schema";
import { calendarFor } from "../../calendar/calendar-client";
import { staffCalendarKey } from "../../calendar/granules";
import { resourceHoldRef } from "../../calendar/refs";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { ApiError, notFound } from "../../http/errors";
import { type ReservedUnit, reserveResourceUnit } from "../resources/reserve-unit";
import { loadResourceUnits } from "../resources/resource-units";
import { requireWithinAvailability, spanOf } from "./availability-rules";
import { appointmentConflict } from "./booking-errors";
import { resolveBookingTarget } from "./booking-target";
import { suggestSlots } from "./slot-suggestions";

export interface HoldInput {
  serviceId: number;
  staffId: number;
  branchId?: number | undefined;
  startsAt: Date;
  ttlSeconds?: number | undefined;
  groupId?: string | undefined;
  callId?: string | undefined;
}

const DEFAULT_TTL_SECONDS = 300;

/**
 * Holds a slot for a while (a caller deciding, a composite booking being assembled): the staff
 * member's calendar object (and, when the service needs a room or chair, one unit's object, under
 * resourceHoldRef) refuses others the time until the hold is booked, released or lapses (the
 * objects' alarms let it go). A copy in D1 lets availability see every calendar's holds at once.
 */
export async function placeHold(scope: TenantScope, env: Env, input: HoldInput) {
  const target = await resolveBookingTarget(scope, input);
  const span = spanOf(target, input.startsAt.getTime());
  await requireWithinAvailability(scope, target, span.start);
  const [company] = await scope.db
    .select({ ttl: companies.holdTtlSeconds })
    .from(companies)
    .where(eq(companies.id, scope.companyId));
  const ttlSeconds = input.ttlSeconds ?? company?.ttl ?? DEFAULT_TTL_SECONDS;
  const holdId = `hold_${crypto.randomUUID()}`;
  const calendarKey = staffCalendarKey(target.staff.id);
  const calendar = calendarFor(env, calendarKey);
  const reservation = await calendar.reserve({
    ref: holdId,
    kind: "hold",
    start: span.blockedFrom,
    end: span.blockedUntil,
    ttlMs: ttlSeconds * 1000,
  });
  if (!reservation.ok) throw appointmentConflict(span.start, await suggestSlots(scope, target, span.start));
  const type = target.service.requiredResourceType;
  let seat: ReservedUnit | null = null;
  if (type) {
    const units = await loadResourceUnits(
      scope,
      target.branch.id,
      type,
      { from: span.blockedFrom, to: span.blockedUntil },
      Date.now(),
    );
    seat = await reserveResourceUnit(env, units, {
      ref: resourceHoldRef(holdId),
      kind: "hold",
      start: span.blockedFrom,
      end: span.blockedUntil,
      ttlMs: ttlSeconds * 1000,
    });
    if (!seat) {
      await calendar.release(holdId);
      throw appointmentConflict(span.start, await suggestSlots(scope, target, span.start), ["resource"]);
    }
  }
  const row = {
    companyId: scope.companyId,
    startsAt: new Date(span.blockedFrom),
    endsAt: new Date(span.blockedUntil),
    expiresAt: new Date(reservation.expiresAt),
    groupId: input.groupId ?? null,
    callId: input.callId ?? null,
  };
  try {
    await scope.db
      .insert(calendarHolds)
      .values([
        { ...row, id: holdId, calendarKey, staffId: target.staff.id },
        ...(seat ? [resourceHoldRow(holdId, seat, row)] : []),
      ]);
  } catch (error) {
    await Promise.all([calendar.release(holdId), seat?.calendar.release(resourceHoldRef(holdId))]);
    throw error;
  }
  return {
    holdId,
    expiresAt: new Date(reservation.expiresAt),
    startsAt: new Date(span.start),
    endsAt: new Date(span.end),
    staffId: target.staff.id,
    serviceId: target.service.id,
    branchId: target.branch.id,
  };
}

/** A live hold of this company, or a clear refusal (unknown → 404, lapsed → 409 HOLD_EXPIRED). */
export async function requireLiveHold(scope: TenantScope, holdId: string, now = new Date()) {
  const [hold] = await scope.db
    .select()
    .from(calendarHolds)
    .where(scope.where(calendarHolds, eq(calendarHolds.id, holdId)))
    .limit(1);
  if (!hold)
    throw new ApiError(409, "HOLD_EXPIRED", "The hold has expired or was released; check availability again");
  if (hold.expiresAt.getTime() <= now.getTime()) {
    throw new ApiError(409, "HOLD_EXPIRED", "The hold has expired; check availability again", {
      expired_at: hold.expiresAt.toISOString(),
    });
  }
  return hold;
}

export async function releaseHold(scope: TenantScope, env: Env, holdId: string) {
  const parts = await scope.db
    .delete(calendarHolds)
    .where(scope.where(calendarHolds, inArray(calendarHolds.id, [holdId, resourceHoldRef(holdId)])))
    .returning();
  const hold = parts.find((p) => p.id === holdId);
  if (!hold) throw notFound("Hold");
  await Promise.all(parts.map((p) => calendarFor(env, p.calendarKey).release(p.id)));
  return hold;
}

/** The D1 copy of the part of a hold that keeps a room or chair. */
export function resourceHoldRow(
  holdId: string,
  seat: ReservedUnit,
  row: Omit<typeof calendarHolds.$inferInsert, "id" | "calendarKey">,
): typeof calendarHolds.$inferInsert {
  return {
    ...row,
    id: resourceHoldRef(holdId),
    calendarKey: seat.unit.calendarKey,
    staffId: null,
    resourceId: seat.unit.resourceId,
  };
}
