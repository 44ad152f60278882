import type { TenantScope } from "../../db/tenant-scope";
import { findCompositeSlots } from "../../domain/availability";
import { localTime, nextLocalDate } from "../../domain/zoned-time";
import { assembleCalendars, calendarQueries } from "./calendar-inputs";
import {
  branchStaffSubquery,
  type CompositeRequest,
  compositeQueries,
  planComposite,
} from "./composite-plan";

const DAY_MS = 86_400_000;

export interface CompositeAvailabilityRequest extends CompositeRequest {
  date: string;
  days: number;
  limit: number;
}

/** Free starts for a composite booking: every segment with a qualified, free staff member. */
export async function compositeAvailability(
  scope: TenantScope,
  request: CompositeAvailabilityRequest,
  now = Date.now(),
) {
  let lastDate = request.date;
  for (let i = 1; i < request.days; i++) lastDate = nextLocalDate(lastDate);
  // One round trip: branch, services, qualifications and every branch staff member's calendar
  // (a range padded by a day each side covers any zone; a composite may run past midnight).
  const range = {
    from: Date.parse(`${request.date}T00:00:00Z`) - DAY_MS,
    to: Date.parse(`${lastDate}T00:00:00Z`) + 3 * DAY_MS,
  };
  const [branchRows, serviceRows, qualified, ...calendarResults] = await scope.db.batch([
    ...compositeQueries(scope, request),
    ...calendarQueries(scope, request.branch_id, branchStaffSubquery(scope, request.branch_id), range, now),
  ]);
  const plan = planComposite(request, { branch: branchRows[0], services: serviceRows, qualified });
  const zone = plan.branch.timezone;
  const staffIds = [...new Set(plan.segments.flatMap((s) => s.staffIds))];
  const byStaff = new Map(assembleCalendars(calendarResults, staffIds).map((c) => [c.staffId, c]));
  const totalDuration = plan.segments.reduce(
    (sum, s, i) => sum + s.durationMinutes + (i < plan.segments.length - 1 ? s.gapAfterMinMinutes : 0),
    0,
  );
  const slots = plan.segments.some((s) => s.staffIds.length === 0)
    ? []
    : findCompositeSlots(
        {
          timeZone: zone,
          fromDate: request.date,
          toDate: lastDate,
          now,
          slotIntervalMinutes: plan.leadService.slotIntervalMinutes,
          minNoticeMinutes: plan.leadService.minNoticeMinutes,
          maxAdvanceDays: plan.leadService.maxAdvanceDays,
          segments: plan.segments.map((s) => ({
            key: s.key,
            serviceId: s.serviceId,
            durationMinutes: s.durationMinutes,
            gapAfterMinMinutes: s.gapAfterMinMinutes,
            gapAfterMaxMinutes: s.gapAfterMaxMinutes,
            sameStaffAsPrevious: s.sameStaffAsPrevious,
            staffBusyDuringGap: s.staffBusyDuringGap,
            staff: s.staffIds.map((id) => byStaff.get(id)!),
          })),
        },
        request.limit,
      );
  return {
    plan,
    timeZone: zone,
    totalDuration,
    slots: slots.map((slot) => ({
      ...slot,
      segments: slot.segments.map((seg) => ({
        ...seg,
        localStart: localTime(new Date(seg.start), zone),
        localEnd: localTime(new Date(seg.end), zone),
      })),
    })),
  };
}
