import { eq, isNull, sql } from "drizzle-orm";
import { branches, branchServiceOffers, services, staff, staffServices } from "../../../../drizzle/schema";
import type { TenantScope } from "../../db/tenant-scope";
import { findSlots, type ServiceTiming, type Slot } from "../../domain/availability";
import { nextLocalDate } from "../../domain/zoned-time";
import { invalidFields } from "../../http/errors";
import { assembleCalendars, calendarQueries } from "./calendar-inputs";

const DAY_MS = 86_400_000;

export interface SimpleAvailabilityRequest {
  date: string;
  days: number;
  serviceId: number;
  staffId?: number | undefined;
  branchId?: number | undefined;
  durationMinutes?: number | undefined;
  /** The voice call asking: its own holds do not count as busy. */
  ignoreHoldsOfCall?: string | undefined;
}

export interface SimpleAvailability {
  timeZone: string;
  branchId: number;
  serviceId: number;
  durationMinutes: number;
  /** Blocked around each slot (the span a booking or hold occupies). */
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  staff: { id: number; name: string }[];
  slots: Slot[];
}

/**
 * Free starts for one service at one branch, for one staff member or any qualified one, over
 * `days` local days from `date`. Two D1 round trips: who may perform it, then their calendars.
 */
export async function simpleAvailability(
  scope: TenantScope,
  request: SimpleAvailabilityRequest,
  now = Date.now(),
) {
  const db = scope.db;
  let lastDate = request.date;
  for (let i = 1; i < request.days; i++) lastDate = nextLocalDate(lastDate);
  // Calendars are loaded in the same round trip, before the branch (and its zone) is known: the
  // range is padded by a day on each side so any zone's local days are covered.
  const range = {
    from: Date.parse(`${request.date}T00:00:00Z`) - DAY_MS,
    to: Date.parse(`${lastDate}T00:00:00Z`) + 2 * DAY_MS,
  };
  const qualifiedStaff = sql`(SELECT ss.staff_id FROM staff_services ss JOIN staff s ON s.id = ss.staff_id
    WHERE ss.company_id = ${scope.companyId} AND ss.service_id = ${request.serviceId} AND s.is_active = 1
      AND s.is_bookable = 1 AND s.deleted_at IS NULL
      ${request.staffId ? sql`AND s.id = ${request.staffId}` : sql``}
      ${request.branchId ? sql`AND s.branch_id = ${request.branchId}` : sql``})`;
  // The branch is the one asked for, or else the staff member's: resolved inside the same batch.
  const branchRef = request.branchId
    ? sql`${request.branchId}`
    : sql`(SELECT branch_id FROM staff WHERE id = ${request.staffId ?? 0} AND company_id = ${scope.companyId})`;
  const [serviceRows, candidates, branchRows, offerRows, ...calendarResults] = await db.batch([
    db.select().from(services).where(scope.byId(services, request.serviceId)),
    // Explicit, distinct column names: a D1 batch returns rows as objects, so two joined tables'
    // "id" columns would overwrite each other.
    db
      .select({
        staffId: staff.id,
        branchId: staff.branchId,
        displayName: staff.displayName,
        durationOverride: staffServices.durationMinutesOverride,
      })
      .from(staffServices)
      .innerJoin(staff, eq(staff.id, staffServices.staffId))
      .where(
        scope.where(
          staffServices,
          eq(staffServices.serviceId, request.serviceId),
          eq(staff.isActive, true),
          eq(staff.isBookable, true),
          isNull(staff.deletedAt),
          request.staffId ? eq(staff.id, request.staffId) : undefined,
          request.branchId ? eq(staff.branchId, request.branchId) : undefined,
        ),
      ),
    db
      .select()
      .from(branches)
      .where(scope.where(branches, eq(branches.id, branchRef))),
    db
      .select()
      .from(branchServiceOffers)
      .where(
        scope.where(
          branchServiceOffers,
          eq(branchServiceOffers.branchId, branchRef),
          eq(branchServiceOffers.serviceId, request.serviceId),
          eq(branchServiceOffers.isActive, true),
        ),
      ),
    ...calendarQueries(scope, branchRef, qualifiedStaff, range, now, "all", request.ignoreHoldsOfCall),
  ]);
  const service = serviceRows[0];
  if (!service?.isActive) throw invalidFields({ "body.service_id": ["Unknown service"] });
  if (request.staffId && candidates.length === 0) {
    throw invalidFields({ "body.staff_id": ["Unknown staff member, or not qualified for this service"] });
  }
  const branchId = request.branchId ?? candidates[0]?.branchId;
  if (branchId === undefined) return null;

  const branch = branchRows[0];
  if (!branch) throw invalidFields({ "body.branch_id": ["Unknown branch"] });
  const offer = offerRows[0];
  const people = candidates.filter((c) => c.branchId === branchId);
  const baseDuration = request.durationMinutes ?? offer?.durationMinutesOverride ?? service.durationMinutes;
  const timing = (durationOverride: number | null): ServiceTiming => ({
    durationMinutes: request.durationMinutes ?? durationOverride ?? baseDuration,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    slotIntervalMinutes: service.slotIntervalMinutes,
    minNoticeMinutes: service.minNoticeMinutes,
    maxAdvanceDays: service.maxAdvanceDays,
  });
  const result: SimpleAvailability = {
    timeZone: branch.timezone,
    branchId,
    serviceId: service.id,
    durationMinutes: baseDuration,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    staff: people.map((p) => ({ id: p.staffId, name: p.displayName })),
    slots: [],
  };
  if (!offer || people.length === 0) return result;

  const calendars = assembleCalendars(
    calendarResults,
    people.map((p) => p.staffId),
  );

  // Staff with their own duration for this service are computed separately, then merged.
  const groups = new Map<number | null, number[]>();
  for (const p of people) {
    const key = request.durationMinutes ? null : p.durationOverride;
    groups.set(key, [...(groups.get(key) ?? []), p.staffId]);
  }
  const slotsByStart = new Map<number, Slot>();
  for (const [durationOverride, staffIds] of groups) {
    const slots = findSlots({
      timeZone: branch.timezone,
      fromDate: request.date,
      toDate: lastDate,
      now,
      service: timing(durationOverride),
      staff: calendars.filter((c) => staffIds.includes(c.staffId)),
    });
    for (const slot of slots) {
      const known = slotsByStart.get(slot.start);
      if (!known) slotsByStart.set(slot.start, slot);
      else if (known.end === slot.end)
        known.staffIds = [...known.staffIds, ...slot.staffIds].sort((a, b) => a - b);
    }
  }
  result.slots = [...slotsByStart.values()].sort((a, b) => a.start - b.start);
  return result;
}
