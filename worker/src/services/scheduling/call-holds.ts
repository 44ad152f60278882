import { eq, notInArray } from "drizzle-orm";
import { calendarHolds } from "../../../../drizzle/schema";
import { calendarFor } from "../../calendar/calendar-client";
import { staffCalendarKey } from "../../calendar/granules";
import { holdPartRef, resourceHoldRef } from "../../calendar/refs";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { type ReservedUnit, reserveResourceUnit } from "../resources/reserve-unit";
import type { ResourceUnit } from "../resources/resource-units";
import { resourceHoldRow } from "./holds";

/**
 * Releases every live hold a voice call took, every part of it (call_ended, or the caller chose
 * one of them). With `defer`, the calendar objects are told after the answer (D1 no longer lists
 * the holds, so availability sees the time free at once; the objects let it go a moment later).
 */
export async function releaseCallHolds(
  scope: TenantScope,
  env: Env,
  callId: string,
  defer?: (work: Promise<unknown>) => void,
) {
  const holds = await scope.db
    .delete(calendarHolds)
    .where(scope.where(calendarHolds, eq(calendarHolds.callId, callId)))
    .returning({ id: calendarHolds.id, calendarKey: calendarHolds.calendarKey });
  const releasing = releaseEntries(env, holds);
  if (defer) defer(releasing);
  else await releasing;
  return holds.length;
}

/** One part of an offer to hold: a staff member's calendar and the span to block (buffers included). */
export interface HoldPart {
  staffId: number;
  blockedFrom: number;
  blockedUntil: number;
}

/**
 * A time to hold for a voice call. A simple service's slot is one part; a composite's has one part
 * per step (in the step's staff member's calendar). An offer is held whole or not at all.
 */
export interface CallHoldRequest {
  parts: readonly HoldPart[];
}

/** How replaceCallHolds may finish (a voice request's answer is waiting). */
export interface CallHoldOptions {
  /** The call's holds so far, when the caller knows them (saves reading them from D1). */
  earlierHoldIds?: readonly string[] | undefined;
  /** Lets the calendar objects release the earlier holds in the background. */
  background?: ((work: Promise<unknown>) => void) | undefined;
  /**
   * The service needs a room or chair: these are its units (as the availability search read
   * them). Each held offer then also keeps one unit for its whole span; an offer without a free
   * unit is not held.
   */
  resourceUnits?: readonly ResourceUnit[] | undefined;
}

export type CallHold = { holdId: string; expiresAt: number } | null;

/** One part of one offer, as it is asked of its calendar object. */
interface PartRequest extends HoldPart {
  offer: number;
  ref: string;
}

/**
 * Holds the times a voice agent is offering to its caller and lets go of everything the call held
 * before (the caller moved on). Each staff member's calendar object is asked once for all of its
 * parts; an offer with a part someone else took a moment ago is simply not held (its result is
 * null, and its other parts are let go). The D1 copies of old and new holds change in one batch.
 */
export async function replaceCallHolds(
  scope: TenantScope,
  env: Env,
  callId: string,
  requests: readonly CallHoldRequest[],
  ttlSeconds: number,
  options: CallHoldOptions = {},
): Promise<CallHold[]> {
  const holdIds = requests.map(() => `hold_${crypto.randomUUID()}`);
  const parts: PartRequest[] = requests.flatMap((request, offer) =>
    request.parts.map((part, k) => ({ ...part, offer, ref: holdPartRef(holdIds[offer]!, k) })),
  );
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
  const expiries = await reserveParts(env, parts, holdIds, ttlSeconds, ignoreRefs);
  const results: CallHold[] = requests.map((_, offer) => {
    const held = parts.filter((p) => p.offer === offer).map((p) => expiries.get(p.ref));
    return held.every((e) => e !== undefined)
      ? { holdId: holdIds[offer]!, expiresAt: Math.min(...(held as number[])) }
      : null;
  });
  // An offer held only in part is not held: its parts that were had are let go at once.
  await releaseEntries(
    env,
    parts.filter((p) => results[p.offer] === null && expiries.has(p.ref)).map(partEntry),
  );
  const seats = await holdResourceUnits(
    env,
    requests,
    results,
    ttlSeconds,
    ignoreRefs,
    options.resourceUnits,
  );
  const kept = results.flatMap((r, offer) =>
    r === null
      ? []
      : [
          ...parts.filter((p) => p.offer === offer).map((p) => p.ref),
          ...(seats[offer] ? [resourceHoldRef(r.holdId)] : []),
        ],
  );
  const newRows = results.flatMap((held, offer) => {
    if (!held) return [];
    const row = {
      companyId: scope.companyId,
      expiresAt: new Date(held.expiresAt),
      callId,
      groupId: held.holdId,
    };
    const own = parts.filter((p) => p.offer === offer);
    const seat = seats[offer];
    return [
      ...own.map((p) => ({
        ...row,
        id: p.ref,
        calendarKey: staffCalendarKey(p.staffId),
        staffId: p.staffId,
        startsAt: new Date(p.blockedFrom),
        endsAt: new Date(p.blockedUntil),
      })),
      ...(seat ? [resourceHoldRow(held.holdId, seat, { ...row, ...spanOf(own) })] : []),
    ];
  });
  // The D1 copy is written before the answer: other calls' searches must see these holds, or
  // they would offer times the calendar objects then refuse.
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
    await releaseEntries(env, [
      ...parts.filter((p) => results[p.offer] !== null).map(partEntry),
      ...seats.flatMap((seat, offer) =>
        seat ? [{ id: resourceHoldRef(holdIds[offer]!), calendarKey: seat.unit.calendarKey }] : [],
      ),
    ]);
    throw error;
  }
  const releasing = releaseEntries(env, previous);
  if (options.background) options.background(releasing);
  else await releasing;
  return results;
}

/**
 * Asks each staff member's calendar object once for all of its parts. Parts of one offer never
 * stand in each other's way (a step and the next one may share a rounded granule).
 * Returns the expiry of every part that was had.
 */
async function reserveParts(
  env: Env,
  parts: readonly PartRequest[],
  holdIds: readonly string[],
  ttlSeconds: number,
  ignoreRefs: readonly string[],
): Promise<Map<string, number>> {
  const byStaff = new Map<number, PartRequest[]>();
  for (const part of parts) byStaff.set(part.staffId, [...(byStaff.get(part.staffId) ?? []), part]);
  const expiries = new Map<string, number>();
  await Promise.all(
    [...byStaff].map(async ([staffId, own]) => {
      const outcome = await calendarFor(env, staffCalendarKey(staffId)).reserveMany(
        own.map((p) => ({
          ref: p.ref,
          kind: "hold" as const,
          start: p.blockedFrom,
          end: p.blockedUntil,
          ttlMs: ttlSeconds * 1000,
          ignoreRefs: [...ignoreRefs, holdIds[p.offer]!],
        })),
      );
      outcome.forEach((result, k) => {
        if (result.ok) expiries.set(own[k]!.ref, result.expiresAt);
      });
    }),
  );
  return expiries;
}

/**
 * For a service that needs a room or chair: one unit for each offer held in the staff calendars,
 * from its first part's start to its last part's end. An offer whose unit cannot be had is let go
 * in the staff calendars too (its result becomes null).
 */
async function holdResourceUnits(
  env: Env,
  requests: readonly CallHoldRequest[],
  results: CallHold[],
  ttlSeconds: number,
  ignoreRefs: string[],
  units: readonly ResourceUnit[] | undefined,
): Promise<(ReservedUnit | null)[]> {
  if (!units) return requests.map(() => null);
  return Promise.all(
    requests.map(async (request, i) => {
      const held = results[i];
      if (!held) return null;
      const span = spanOf(request.parts);
      const seat = await reserveResourceUnit(env, units, {
        ref: resourceHoldRef(held.holdId),
        kind: "hold",
        start: span.startsAt.getTime(),
        end: span.endsAt.getTime(),
        ttlMs: ttlSeconds * 1000,
        ignoreRefs,
      });
      if (!seat) {
        results[i] = null;
        await releaseEntries(
          env,
          request.parts.map((p, k) => ({
            id: holdPartRef(held.holdId, k),
            calendarKey: staffCalendarKey(p.staffId),
          })),
        );
      }
      return seat;
    }),
  );
}

/** From an offer's first part's start to its last part's end. */
function spanOf(parts: readonly HoldPart[]) {
  return {
    startsAt: new Date(Math.min(...parts.map((p) => p.blockedFrom))),
    endsAt: new Date(Math.max(...parts.map((p) => p.blockedUntil))),
  };
}

const partEntry = (p: PartRequest) => ({ id: p.ref, calendarKey: staffCalendarKey(p.staffId) });

/** Lets calendar entries go, one call per calendar object (a call's holds are often one person's). */
function releaseEntries(env: Env, entries: readonly { id: string; calendarKey: string }[]) {
  const byCalendar = new Map<string, string[]>();
  for (const e of entries) byCalendar.set(e.calendarKey, [...(byCalendar.get(e.calendarKey) ?? []), e.id]);
  return Promise.all(
    [...byCalendar].map(([key, refs]) =>
      refs.length === 1 ? calendarFor(env, key).release(refs[0]!) : calendarFor(env, key).releaseMany(refs),
    ),
  );
}
