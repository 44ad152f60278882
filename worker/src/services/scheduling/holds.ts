import { eq, inArray, ne, notInArray } from "drizzle-orm";
import { calendarHolds, companies } from "../../../../drizzle/schema";
import { calendarFor } from "../../calendar/calendar-client";
import { staffCalendarKey } from "../../calendar/granules";
import { resourceHoldRef } from "../../calendar/refs";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { ApiError, notFound } from "../../http/errors";
import { type ReservedUnit, reserveResourceUnit } from "../resources/reserve-unit";
import { loadResourceUnits, type ResourceUnit } from "../resources/resource-units";
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
function resourceHoldRow(
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

/**
 * Releases every live hold a voice call took (call_ended, or the caller chose one of them). With
 * `defer`, the calendar objects are told after the answer (D1 no longer lists the holds, so
 * availability sees the time free at once; the objects let it go a moment later).
 */
export async function releaseCallHolds(
  scope: TenantScope,
  env: Env,
  callId: string,
  keep?: string,
  defer?: (work: Promise<unknown>) => void,
) {
  const holds = await scope.db
    .delete(calendarHolds)
    .where(
      scope.where(
        calendarHolds,
        eq(calendarHolds.callId, callId),
        keep ? ne(calendarHolds.id, keep) : undefined,
      ),
    )
    .returning({ id: calendarHolds.id, calendarKey: calendarHolds.calendarKey });
  const releasing = Promise.all(holds.map((h) => calendarFor(env, h.calendarKey).release(h.id)));
  if (defer) defer(releasing);
  else await releasing;
  return holds.length;
}

/** A slot to hold for a voice call: the staff member and the span to block (buffers included). */
export interface CallHoldRequest {
  staffId: number;
  blockedFrom: number;
  blockedUntil: number;
}

/** How replaceCallHolds may finish (a voice request's answer is waiting). */
export interface CallHoldOptions {
  /** The call's holds so far, when the caller knows them (saves reading them from D1). */
  earlierHoldIds?: readonly string[] | undefined;
  /** Lets the calendar objects release the earlier holds in the background. */
  background?: ((work: Promise<unknown>) => void) | undefined;
  /**
   * The service needs a room or chair: these are its units (as the availability search read
   * them). Each held slot then also keeps one unit; a slot without a free unit is not held.
   */
  resourceUnits?: readonly ResourceUnit[] | undefined;
}

/**
 * Holds the slots a voice agent is offering to its caller and lets go of everything the call held
 * before (the caller moved on). Each staff member's calendar object is asked once for all of its
 * slots; a slot someone else took a moment ago is simply not held (its result is null). The D1
 * copies of old and new holds change in one batch.
 */
export async function replaceCallHolds(
  scope: TenantScope,
  env: Env,
  callId: string,
  requests: CallHoldRequest[],
  ttlSeconds: number,
  options: CallHoldOptions = {},
): Promise<({ holdId: string; expiresAt: number } | null)[]> {
  const byStaff = new Map<number, number[]>();
  for (const [i, r] of requests.entries()) byStaff.set(r.staffId, [...(byStaff.get(r.staffId) ?? []), i]);
  const holdIds = requests.map(() => `hold_${crypto.randomUUID()}`);
  const results: ({ holdId: string; expiresAt: number } | null)[] = requests.map(() => null);
  // The call's earlier holds give way to its new ones (asking twice for the same time is normal).
  const earlier = options.earlierHoldIds
    ? [...options.earlierHoldIds]
    : (
        await scope.db
          .select({ id: calendarHolds.id })
          .from(calendarHolds)
          .where(scope.where(calendarHolds, eq(calendarHolds.callId, callId)))
      ).map((h) => h.id);
  const ignoreRefs = [...earlier, ...earlier.map(resourceHoldRef)];
  await Promise.all(
    [...byStaff].map(async ([staffId, indexes]) => {
      const outcome = await calendarFor(env, staffCalendarKey(staffId)).reserveMany(
        indexes.map((i) => ({
          ref: holdIds[i]!,
          kind: "hold" as const,
          start: requests[i]!.blockedFrom,
          end: requests[i]!.blockedUntil,
          ttlMs: ttlSeconds * 1000,
          ignoreRefs,
        })),
      );
      outcome.forEach((result, k) => {
        const i = indexes[k]!;
        if (result.ok) results[i] = { holdId: holdIds[i]!, expiresAt: result.expiresAt };
      });
    }),
  );
  const seats = await holdResourceUnits(
    env,
    requests,
    results,
    ttlSeconds,
    ignoreRefs,
    options.resourceUnits,
  );
  const copy = async () => {
    const kept = results.flatMap((r, i) =>
      r === null ? [] : [r.holdId, ...(seats[i] ? [resourceHoldRef(r.holdId)] : [])],
    );
    const newRows = requests.flatMap((r, i) => {
      const held = results[i];
      if (!held) return [];
      const row = {
        companyId: scope.companyId,
        startsAt: new Date(r.blockedFrom),
        endsAt: new Date(r.blockedUntil),
        expiresAt: new Date(held.expiresAt),
        callId,
      };
      const seat = seats[i];
      return [
        { ...row, id: held.holdId, calendarKey: staffCalendarKey(r.staffId), staffId: r.staffId },
        ...(seat ? [resourceHoldRow(held.holdId, seat, row)] : []),
      ];
    });
    const db = scope.db;
    let previous: { id: string; calendarKey: string }[];
    try {
      [previous] = await db.batch([
        db
          .delete(calendarHolds)
          .where(
            scope.where(
              calendarHolds,
              eq(calendarHolds.callId, callId),
              kept.length > 0 ? notInArray(calendarHolds.id, kept) : undefined,
            ),
          )
          .returning({ id: calendarHolds.id, calendarKey: calendarHolds.calendarKey }),
        // The new holds in one statement (local D1 charges per statement).
        ...(newRows.length > 0 ? [db.insert(calendarHolds).values(newRows)] : []),
      ]);
    } catch (error) {
      // Without their D1 copy the new holds would be invisible to availability and to the
      // booking that converts them: let the calendar objects forget them too.
      await Promise.all(
        requests.flatMap((r, i) =>
          results[i]
            ? [
                calendarFor(env, staffCalendarKey(r.staffId)).release(results[i].holdId),
                seats[i]?.calendar.release(resourceHoldRef(results[i].holdId)),
              ]
            : [],
        ),
      );
      throw error;
    }
    // One call per calendar object for the holds let go (a call's holds are often one person's).
    const byCalendar = new Map<string, string[]>();
    for (const h of previous) byCalendar.set(h.calendarKey, [...(byCalendar.get(h.calendarKey) ?? []), h.id]);
    const releasing = Promise.all(
      [...byCalendar].map(([key, refs]) =>
        refs.length === 1 ? calendarFor(env, key).release(refs[0]!) : calendarFor(env, key).releaseMany(refs),
      ),
    );
    if (options.background) options.background(releasing);
    else await releasing;
  };
  // The D1 copy is written before the answer: other calls' searches must see these holds, or
  // they would offer times the calendar objects then refuse.
  await copy();
  return results;
}

/**
 * For a service that needs a room or chair: one unit for each slot held in a staff calendar. A
 * slot whose unit cannot be had is let go in the staff calendar too (its result becomes null).
 */
async function holdResourceUnits(
  env: Env,
  requests: readonly CallHoldRequest[],
  results: ({ holdId: string; expiresAt: number } | null)[],
  ttlSeconds: number,
  ignoreRefs: string[],
  units: readonly ResourceUnit[] | undefined,
): Promise<(ReservedUnit | null)[]> {
  if (!units) return requests.map(() => null);
  return Promise.all(
    requests.map(async (request, i) => {
      const held = results[i];
      if (!held) return null;
      const seat = await reserveResourceUnit(env, units, {
        ref: resourceHoldRef(held.holdId),
        kind: "hold",
        start: request.blockedFrom,
        end: request.blockedUntil,
        ttlMs: ttlSeconds * 1000,
        ignoreRefs,
      });
      if (!seat) {
        results[i] = null;
        await calendarFor(env, staffCalendarKey(request.staffId)).release(held.holdId);
      }
      return seat;
    }),
  );
}
