import { eq, inArray, sql } from "drizzle-orm";
import { appointments, customers, recurringAppointmentPatterns } from "../../../../drizzle/schema";
import type { RecurrenceFrequency } from "../../../../drizzle/schema/enums";
import { calendarFor } from "../../calendar/calendar-client";
import { staffCalendarKey } from "../../calendar/granules";
import { pendingRef } from "../../calendar/refs";
import { runBatch } from "../../db/batch";
import type { TenantScope } from "../../db/tenant-scope";
import { isBookable } from "../../domain/availability";
import { decideRecurringSeries, resolvePolicy } from "../../domain/policy";
import { expandSeries } from "../../domain/recurrence";
import { localDate, localTime } from "../../domain/zoned-time";
import type { Env } from "../../env";
import { ApiError } from "../../http/errors";
import { calcomPendingIds, markCalcomPending, requestCalcomPush } from "../calendar-sync/outbox";
import { type ReservedUnit, reserveResourceUnitForEach } from "../resources/reserve-unit";
import { loadResourceUnits } from "../resources/resource-units";
import { placementColumns, spanOf } from "./availability-rules";
import { requireCustomer, resolveBookingTarget } from "./booking-target";
import { loadStaffCalendars } from "./calendar-inputs";
import type { BookingSource } from "./create-booking";
import { isOccupancyConflict, occupyByUid } from "./occupancy-sql";
import { loadPolicyCandidates } from "./policy-check";

export interface RecurringInput {
  customerId: number;
  serviceId: number;
  staffId: number;
  branchId?: number | undefined;
  startsAt: Date;
  frequency: RecurrenceFrequency;
  interval: number;
  count?: number | undefined;
  until?: string | undefined;
  source: BookingSource;
  notes?: string | null;
  createdByUserId?: number | null;
}

export interface OccurrenceReport {
  index: number;
  date: string;
  time: string;
  starts_at: string;
  status: "booked" | "skipped";
  reason?: "unavailable" | "taken";
}

const WRITE_RESERVATION_MS = 60_000;

/**
 * Books a recurring series (weekly, every N weeks, monthly, daily) under the company's recurring
 * policy: every occurrence is checked against working time and reserved in the staff member's
 * calendar object in one call; occurrences that do not fit are skipped when the policy allows
 * it (skip_allowed, max_skips_per_series, min/max length), otherwise nothing is booked. The
 * pattern and all occurrences are written together; each occurrence is reported.
 */
export async function createRecurringSeries(scope: TenantScope, env: Env, input: RecurringInput) {
  const target = await resolveBookingTarget(scope, input);
  const customer = await requireCustomer(scope, input.customerId);
  const { candidates } = await loadPolicyCandidates(scope, "recurring", {
    companyId: scope.companyId,
    branchId: target.branch.id,
    serviceId: target.service.id,
    staffId: target.staff.id,
  });
  const policy = resolvePolicy("recurring", candidates, {
    companyId: scope.companyId,
    branchId: target.branch.id,
    serviceId: target.service.id,
    staffId: target.staff.id,
  });
  const series = expandSeries({
    firstStart: input.startsAt.getTime(),
    durationMinutes: target.timing.durationMinutes,
    timeZone: target.timeZone,
    frequency: input.frequency,
    interval: input.interval,
    count: input.count ?? null,
    until: input.until ?? null,
    maxOccurrences: policy.config.max_series_length + 1,
  });
  const occurrences = series.occurrences;
  const now = Date.now();
  const calendars = await loadStaffCalendars(
    scope,
    target.branch.id,
    [target.staff.id],
    { from: occurrences[0]!.start - 86_400_000, to: occurrences.at(-1)!.end + 86_400_000 },
    now,
    { busy: "absences" },
  );
  const uid = crypto.randomUUID();
  const spans = occurrences.map((o) => spanOf(target, o.start));
  const withinRules = occurrences.map((o) =>
    isBookable(
      {
        timeZone: target.timeZone,
        fromDate: o.date,
        toDate: o.date,
        now,
        service: target.timing,
        staff: calendars,
      },
      target.staff.id,
      o.start,
    ),
  );
  const calendar = calendarFor(env, staffCalendarKey(target.staff.id));
  const refs = occurrences.map((o) => pendingRef(`${uid}-${o.index}`));
  // What occurrence i reserves, in the staff member's calendar and in a unit's.
  const pendingOf = (i: number) => ({
    ref: refs[i]!,
    kind: "pending" as const,
    start: spans[i]!.blockedFrom,
    end: spans[i]!.blockedUntil,
    ttlMs: WRITE_RESERVATION_MS,
    appointmentUid: `${uid}-${occurrences[i]!.index}`,
  });
  // Only occurrences inside working time are offered to the calendar object, in one call.
  const fitting = occurrences.map((_, i) => i).filter((i) => withinRules[i]);
  const outcomes = await calendar.reserveMany(fitting.map(pendingOf));
  const took = new Set(fitting.filter((_, k) => outcomes[k]!.ok));
  // A service that needs a room or chair: each occurrence also takes one unit (the same one every
  // time where it can); an occurrence without a free unit is skipped like a taken one.
  const seats = new Map<number, ReservedUnit>();
  const type = target.service.requiredResourceType;
  if (type && took.size > 0) {
    const units = await loadResourceUnits(
      scope,
      target.branch.id,
      type,
      { from: spans[0]!.blockedFrom, to: spans.at(-1)!.blockedUntil },
      now,
    );
    const indexes = [...took];
    const found = await reserveResourceUnitForEach(env, units, indexes.map(pendingOf));
    const lost: string[] = [];
    indexes.forEach((i, k) => {
      const seat = found[k];
      if (seat) seats.set(i, seat);
      else {
        took.delete(i);
        lost.push(refs[i]!);
      }
    });
    if (lost.length > 0) await calendar.releaseMany(lost);
  }
  const reserved = [...took].map((i) => refs[i]!);
  const releaseReserved = () =>
    Promise.all([
      calendar.releaseMany(reserved),
      ...[...seats].map(([i, seat]) => seat.calendar.release(refs[i]!)),
    ]);
  const report: OccurrenceReport[] = occurrences.map((o, i) => ({
    index: o.index,
    date: o.date,
    time: localTime(new Date(o.start), target.timeZone),
    starts_at: new Date(o.start).toISOString(),
    status: took.has(i) ? "booked" : "skipped",
    ...(took.has(i) ? {} : { reason: withinRules[i] ? ("taken" as const) : ("unavailable" as const) }),
  }));
  const conflicts = report.filter((r) => r.status === "skipped").length;
  const decision = decideRecurringSeries({
    policy: policy.config,
    sourceLevel: policy.source_level,
    fieldSources: policy.sources,
    occurrences: occurrences.length,
    conflicts,
  });
  if (!decision.allowed) {
    await releaseReserved();
    throw new ApiError(409, "SERIES_NOT_BOOKABLE", decision.reason, {
      policy: decision,
      occurrences: report,
    });
  }

  const booked = occurrences.filter((_, i) => report[i]!.status === "booked");
  const seatOf = (o: (typeof occurrences)[number]) => seats.get(occurrences.indexOf(o));
  const db = scope.db;
  const [pattern] = await db
    .insert(recurringAppointmentPatterns)
    .values({
      companyId: scope.companyId,
      branchId: target.branch.id,
      customerId: customer.id,
      staffId: target.staff.id,
      serviceId: target.service.id,
      frequency: input.frequency,
      interval: input.interval,
      daysOfWeek:
        input.frequency === "weekly" ? [new Date(`${occurrences[0]!.date}T12:00:00Z`).getUTCDay()] : null,
      dayOfMonth: input.frequency === "monthly" ? Number(occurrences[0]!.date.slice(8, 10)) : null,
      startTime: localTime(input.startsAt, target.timeZone),
      startDate: localDate(input.startsAt, target.timeZone),
      endDate: input.until ?? occurrences.at(-1)!.date,
      occurrenceCount: occurrences.length,
      skippedCount: conflicts,
      createdByUserId: input.createdByUserId ?? null,
    })
    .returning();
  const firstUid = `${uid}-${booked[0]!.index}`;
  let results: D1Result[];
  try {
    results = await runBatch(db, [
      ...booked.flatMap((o) => {
        const span = spanOf(target, o.start);
        const occurrenceUid = `${uid}-${o.index}`;
        return [
          db.insert(appointments).values({
            uid: occurrenceUid,
            companyId: scope.companyId,
            branchId: target.branch.id,
            customerId: customer.id,
            staffId: target.staff.id,
            serviceId: target.service.id,
            ...placementColumns(span, seatOf(o)),
            status: "confirmed",
            source: input.source,
            bookingType: "recurring",
            recurringPatternId: pattern!.id,
            occurrenceIndex: o.index + 1,
            priceCents: target.priceCents,
            currency: target.currency,
            notes: input.notes ?? null,
            confirmedAt: new Date(now),
            createdByUserId: input.createdByUserId ?? null,
          }),
          occupyByUid(
            staffCalendarKey(target.staff.id),
            span.blockedFrom,
            span.blockedUntil,
            occurrenceUid,
            scope.companyId,
          ),
          ...(seatOf(o)
            ? [
                occupyByUid(
                  seatOf(o)!.unit.calendarKey,
                  span.blockedFrom,
                  span.blockedUntil,
                  occurrenceUid,
                  scope.companyId,
                ),
              ]
            : []),
          markCalcomPending(scope.companyId, { uid: occurrenceUid }),
        ];
      }),
      // Every later occurrence points at the first booked one (the series parent).
      sql`UPDATE appointments SET parent_appointment_id = (SELECT id FROM appointments WHERE uid = ${firstUid})
          WHERE recurring_pattern_id = ${pattern!.id} AND uid <> ${firstUid}`,
      db
        .update(customers)
        .set({
          appointmentCount: sql`${customers.appointmentCount} + ${booked.length}`,
          updatedAt: new Date(now),
        })
        .where(scope.byId(customers, customer.id)),
    ]);
  } catch (error) {
    await releaseReserved();
    await db.delete(recurringAppointmentPatterns).where(eq(recurringAppointmentPatterns.id, pattern!.id));
    if (isOccupancyConflict(error)) {
      throw new ApiError(409, "APPOINTMENT_CONFLICT", "An occurrence was taken meanwhile; try again", {
        occurrences: report,
      });
    }
    throw error;
  }
  await Promise.all([
    calendar.commitMany(
      booked.map((o) => ({ ref: pendingRef(`${uid}-${o.index}`), uid: `${uid}-${o.index}` })),
    ),
    ...booked.map((o) => seatOf(o)?.calendar.commit(pendingRef(`${uid}-${o.index}`), `${uid}-${o.index}`)),
  ]);
  const rows = await db
    .select()
    .from(appointments)
    .where(
      inArray(
        appointments.uid,
        booked.map((o) => `${uid}-${o.index}`),
      ),
    )
    .orderBy(appointments.startsAt);
  await requestCalcomPush(env, scope.companyId, calcomPendingIds(results));
  return { pattern: pattern!, appointments: rows, occurrences: report, policy: decision };
}
