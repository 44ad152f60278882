import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { appointments, recurringAppointmentPatterns } from "../../../../drizzle/schema";
import { calendarFor } from "../../calendar/calendar-client";
import { resourceKeysOf, staffCalendarKey } from "../../calendar/granules";
import { appointmentRef, moveRef } from "../../calendar/refs";
import { runBatch } from "../../db/batch";
import type { TenantScope } from "../../db/tenant-scope";
import { isBookable } from "../../domain/availability";
import type { PolicyDecision } from "../../domain/policy";
import {
  shiftSeries,
  toOccurrence,
  type WallClockShift,
  wallClockShiftBetween,
} from "../../domain/recurrence";
import { localTime } from "../../domain/zoned-time";
import type { Env } from "../../env";
import { ApiError, notFound } from "../../http/errors";
import { calcomPendingIds, markCalcomPending, requestCalcomPush } from "../calendar-sync/outbox";
import { type ReservedUnit, reserveResourceUnitForEach } from "../resources/reserve-unit";
import { loadResourceUnits } from "../resources/resource-units";
import { type Actor, CHANGEABLE } from "./appointment-access";
import { placementColumns, spanOf } from "./availability-rules";
import { resolveBookingTarget } from "./booking-target";
import { loadStaffCalendars } from "./calendar-inputs";
import { modificationOf, recordModification } from "./modification-sql";
import { assertInBatch, freeAppointment, isOccupancyConflict, occupyById } from "./occupancy-sql";
import { checkReschedule, periodMonth } from "./policy-check";

const WRITE_RESERVATION_MS = 60_000;

export interface SeriesShiftReport {
  appointment_id: number;
  from: string;
  to: string;
  date: string;
  time: string;
  problem?: "unavailable" | "taken" | "policy";
  /** The reschedule policy's decision for this occurrence (every occurrence is checked). */
  policy?: PolicyDecision;
}

/**
 * Moves every remaining occurrence of a series by the same wall-clock shift (say, every Tuesday
 * 10:00 → Wednesday 11:30), all or nothing: each new time is checked against working time and
 * reserved in the staff member's calendar object in one call, then every occurrence is rewritten
 * in one D1 batch that also asserts that none was changed meanwhile. Any problem leaves the
 * series as it was and reports which occurrences did not fit.
 */
export async function rescheduleSeries(
  scope: TenantScope,
  env: Env,
  input: {
    patternId: number;
    /** The wall-clock change, or the new start of the first remaining occurrence. */
    shift: WallClockShift | { newFirstStart: Date };
    from?: Date | undefined;
    reason?: string | undefined;
    actor: Actor;
  },
) {
  const [pattern] = await scope.db
    .select()
    .from(recurringAppointmentPatterns)
    .where(scope.byId(recurringAppointmentPatterns, input.patternId));
  if (!pattern) throw notFound("Recurring series");
  const occurrences = await scope.db
    .select()
    .from(appointments)
    .where(
      scope.where(
        appointments,
        eq(appointments.recurringPatternId, pattern.id),
        gte(appointments.startsAt, input.from ?? new Date()),
        inArray(appointments.status, [...CHANGEABLE]),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  if (occurrences.length === 0)
    throw new ApiError(409, "NOTHING_TO_MOVE", "The series has no occurrence left to move");
  const first = occurrences[0]!;
  const target = await resolveBookingTarget(scope, {
    branchId: first.branchId,
    serviceId: first.serviceId,
    staffId: first.staffId,
  });
  const zone = target.timeZone;
  const shift =
    "newFirstStart" in input.shift
      ? wallClockShiftBetween(first.startsAt.getTime(), input.shift.newFirstStart.getTime(), zone)
      : input.shift;
  const moved = shiftSeries(
    occurrences.map((a, i) => toOccurrence(i, a.startsAt.getTime(), a.endsAt.getTime(), zone)),
    shift,
    zone,
  );
  const now = Date.now();
  const calendars = await loadStaffCalendars(
    scope,
    target.branch.id,
    [target.staff.id],
    {
      from: Math.min(...moved.map((m) => m.start)) - 86_400_000,
      to: Math.max(...moved.map((m) => m.end)) + 86_400_000,
    },
    now,
    { busy: "absences" },
  );
  const spans = moved.map((m) => spanOf(target, m.start));
  // Each occurrence is judged by the reschedule policy on its own: notice and fees depend on how
  // soon that occurrence is. One occurrence the policy blocks keeps the whole series in place.
  const checks = await Promise.all(
    occurrences.map((a, i) => checkReschedule(scope, a, new Date(moved[i]!.start), new Date(now))),
  );
  const report: SeriesShiftReport[] = occurrences.map((a, i) => ({
    appointment_id: a.id,
    from: a.startsAt.toISOString(),
    to: new Date(moved[i]!.start).toISOString(),
    date: moved[i]!.date,
    time: localTime(new Date(moved[i]!.start), zone),
    ...(isBookable(
      {
        timeZone: zone,
        fromDate: moved[i]!.date,
        toDate: moved[i]!.date,
        now,
        service: target.timing,
        staff: calendars,
      },
      target.staff.id,
      moved[i]!.start,
    )
      ? {}
      : { problem: "unavailable" as const }),
    ...(checks[i]!.decision.allowed || input.actor.type === "calcom" ? {} : { problem: "policy" as const }),
    policy: checks[i]!.decision,
  }));
  const refuse = () => {
    const blocked = report.find((r) => r.problem === "policy");
    return blocked
      ? new ApiError(409, "POLICY_VIOLATION", blocked.policy!.reason, { occurrences: report })
      : new ApiError(
          409,
          "SERIES_NOT_MOVABLE",
          "Not every occurrence fits at the new time; nothing was changed",
          { occurrences: report },
        );
  };
  if (report.some((r) => r.problem)) throw refuse();

  const calendar = calendarFor(env, staffCalendarKey(target.staff.id));
  const ownRefs = occurrences.map((a) => appointmentRef(a));
  const uids = occurrences.map((a) => a.uid ?? crypto.randomUUID());
  // What occurrence i reserves while it moves, in the staff member's calendar and in a unit's.
  const moveOf = (i: number) => ({
    ref: moveRef(uids[i]!),
    kind: "pending" as const,
    start: spans[i]!.blockedFrom,
    end: spans[i]!.blockedUntil,
    ttlMs: WRITE_RESERVATION_MS,
    ignoreRefs: ownRefs,
  });
  const outcomes = await calendar.reserveMany(occurrences.map((_, i) => moveOf(i)));
  // A service that needs a room or chair moves each occurrence's unit along (its own where free).
  const type = target.service.requiredResourceType;
  const seats: (ReservedUnit | null)[] = type
    ? await reserveResourceUnitForEach(
        env,
        await loadResourceUnits(
          scope,
          target.branch.id,
          type,
          {
            from: Math.min(...spans.map((sp) => sp.blockedFrom)),
            to: Math.max(...spans.map((sp) => sp.blockedUntil)),
          },
          now,
          { ignoreAppointmentIds: occurrences.map((a) => a.id) },
        ),
        occurrences.map((a, i) => ({ ...moveOf(i), preferred: resourceKeysOf(a)[0] })),
      )
    : occurrences.map(() => null);
  const releaseAll = () =>
    Promise.all([
      calendar.releaseMany(uids.filter((_, i) => outcomes[i]!.ok).map((uid) => moveRef(uid))),
      ...seats.map((seat, i) => seat?.calendar.release(moveRef(uids[i]!))),
    ]);
  outcomes.forEach((o, i) => {
    if (!o.ok || (type && !seats[i])) report[i]!.problem = "taken";
  });
  if (report.some((r) => r.problem)) {
    await releaseAll();
    throw refuse();
  }

  const db = scope.db;
  const lockToken = crypto.randomUUID();
  const at = new Date(now);
  let results: D1Result[];
  try {
    results = await runBatch(db, [
      ...occurrences.map((a, i) =>
        db
          .update(appointments)
          .set({
            uid: uids[i]!,
            ...placementColumns(spans[i]!, seats[i]),
            version: sql`${appointments.version} + 1`,
            lockToken,
            updatedAt: at,
          })
          .where(
            and(
              scope.byId(appointments, a.id),
              eq(appointments.version, a.version),
              inArray(appointments.status, [...CHANGEABLE]),
            ),
          ),
      ),
      // All or nothing: if any occurrence changed meanwhile, the whole batch rolls back.
      assertInBatch(
        sql`(SELECT count(*) FROM appointments WHERE lock_token = ${lockToken}) = ${occurrences.length}`,
      ),
      ...occurrences.flatMap((a, i) => [
        freeAppointment(a.id),
        occupyById(
          staffCalendarKey(target.staff.id),
          spans[i]!.blockedFrom,
          spans[i]!.blockedUntil,
          a.id,
          scope.companyId,
        ),
        ...(seats[i]
          ? [
              occupyById(
                seats[i].unit.calendarKey,
                spans[i]!.blockedFrom,
                spans[i]!.blockedUntil,
                a.id,
                scope.companyId,
              ),
            ]
          : []),
        ...recordModification(
          modificationOf(a, checks[i]!, {
            type: "reschedule",
            next: { start: spans[i]!.start, end: spans[i]!.end },
            reason: input.reason ?? "series moved",
            actor: input.actor,
            periodMonth: periodMonth(at, zone),
            at: now,
          }),
          sql`1`,
        ),
        markCalcomPending(scope.companyId, { id: a.id }),
      ]),
    ]);
  } catch (error) {
    await releaseAll();
    if (isOccupancyConflict(error)) throw refuse();
    if (
      /batch_assertions_ok_check/.test(
        String(error instanceof Error ? `${error.message} ${String(error.cause)}` : error),
      )
    ) {
      throw new ApiError(409, "VERSION_CONFLICT", "An occurrence was changed meanwhile; nothing was moved");
    }
    throw error;
  }
  await calendar.commitMany(uids.map((uid) => ({ ref: moveRef(uid), uid })));
  await Promise.all([
    ...ownRefs.map((ref, i) => (ref === appointmentRef({ uid: uids[i]! }) ? null : calendar.release(ref))),
    ...occurrences.map(async (a, i) => {
      // Old unit first: the new entry may carry the same name in the same calendar.
      const oldUnit = resourceKeysOf(a)[0];
      if (oldUnit && (oldUnit !== seats[i]?.calendar.key || ownRefs[i] !== appointmentRef({ uid: uids[i]! })))
        await calendarFor(env, oldUnit).release(ownRefs[i]!);
      await seats[i]?.calendar.commit(moveRef(uids[i]!), uids[i]!);
    }),
  ]);
  await requestCalcomPush(env, scope.companyId, calcomPendingIds(results));
  return { patternId: pattern.id, occurrences: report };
}
