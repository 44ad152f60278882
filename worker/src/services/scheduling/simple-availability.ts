import { roundOutward } from "../../calendar/granules";
import type { TenantScope } from "../../db/tenant-scope";
import { findSlots, isFreeOver, type ServiceTiming, type Slot } from "../../domain/availability";
import { nextLocalDate } from "../../domain/zoned-time";
import { invalidFields } from "../../http/errors";
import { parseResourceUnits, type ResourceUnit } from "../resources/resource-units";
import { assembleCalendarRow } from "./calendar-inputs";
import { calendarWindow } from "./calendar-window";
import { type SimpleAvailabilityValues, simpleAvailabilityStatement } from "./simple-availability-statement";

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
  /** The units of the room, chair or equipment the service needs (empty when it needs none). */
  resourceUnits: ResourceUnit[];
  requiresResource: boolean;
}

/**
 * Free starts for one service at one branch, for one staff member or any qualified one, over
 * `days` local days from `date`. One D1 statement.
 */
export async function simpleAvailability(
  scope: TenantScope,
  request: SimpleAvailabilityRequest,
  now = Date.now(),
) {
  let lastDate = request.date;
  for (let i = 1; i < request.days; i++) lastDate = nextLocalDate(lastDate);
  // Calendars are loaded in the same round trip, before the branch (and its zone) is known: the
  // range is padded by a day on each side so any zone's local days are covered.
  const range = {
    from: Date.parse(`${request.date}T00:00:00Z`) - DAY_MS,
    to: Date.parse(`${lastDate}T00:00:00Z`) + 2 * DAY_MS,
  };
  const [row] = await simpleAvailabilityStatement(scope.db, {
    byStaff: Boolean(request.staffId),
    byBranch: Boolean(request.branchId),
    ignoringCall: Boolean(request.ignoreHoldsOfCall),
  }).all({
    companyId: scope.companyId,
    serviceId: request.serviceId,
    staffId: request.staffId ?? 0,
    branchId: request.branchId ?? 0,
    callId: request.ignoreHoldsOfCall ?? "",
    ...calendarWindow(range, now),
  } satisfies SimpleAvailabilityValues);
  const serviceTuple = row?.service
    ? (JSON.parse(row.service) as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        string | null,
      ])
    : null;
  const service = serviceTuple && {
    id: serviceTuple[0],
    isActive: serviceTuple[1] === 1,
    durationMinutes: serviceTuple[2],
    bufferBeforeMinutes: serviceTuple[3],
    bufferAfterMinutes: serviceTuple[4],
    slotIntervalMinutes: serviceTuple[5],
    minNoticeMinutes: serviceTuple[6],
    maxAdvanceDays: serviceTuple[7],
    requiredResourceType: serviceTuple[8],
  };
  const candidates = (JSON.parse(row?.candidates ?? "[]") as [number, number, string, number | null][]).map(
    ([staffId, branchId, displayName, durationOverride]) => ({
      staffId,
      branchId,
      displayName,
      durationOverride,
    }),
  );
  const offerRows = row?.offer
    ? [{ durationMinutesOverride: (JSON.parse(row.offer) as [number | null])[0] }]
    : [];
  const branchRows = row?.timeZone ? [{ timezone: row.timeZone }] : [];
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
    resourceUnits: parseResourceUnits(row?.resourceUnits ?? null),
    requiresResource: service.requiredResourceType !== null,
  };
  if (!offer || people.length === 0) return result;

  const calendars = assembleCalendarRow(
    row!,
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
  result.slots = [...slotsByStart.values()]
    .filter((slot) => !result.requiresResource || resourceFreeFor(result, slot))
    .sort((a, b) => a.start - b.start);
  return result;
}

/** Whether some unit of the required resource is free over the span a booking at `slot` blocks. */
function resourceFreeFor(availability: SimpleAvailability, slot: Slot): boolean {
  const blocked = roundOutward(
    slot.start - availability.bufferBeforeMinutes * 60_000,
    slot.end + availability.bufferAfterMinutes * 60_000,
  );
  return availability.resourceUnits.some((unit) => isFreeOver(unit.busy, blocked.start, blocked.end));
}
