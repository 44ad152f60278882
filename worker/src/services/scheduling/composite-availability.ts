import type { TenantScope } from "../../db/tenant-scope";
import { findCompositeSlots } from "../../domain/availability";
import { localTime, nextLocalDate, zonedInstant } from "../../domain/zoned-time";
import { loadStaffCalendars } from "./calendar-inputs";
import { type CompositeRequest, planComposite } from "./composite-plan";

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
  const plan = await planComposite(scope, request);
  const zone = plan.branch.timezone;
  let lastDate = request.date;
  for (let i = 1; i < request.days; i++) lastDate = nextLocalDate(lastDate);
  const range = {
    from: zonedInstant(request.date, "00:00", zone).getTime(),
    to: zonedInstant(nextLocalDate(lastDate), "00:00", zone).getTime() + 86_400_000,
  };
  const staffIds = [...new Set(plan.segments.flatMap((s) => s.staffIds))];
  const calendars = await loadStaffCalendars(scope, plan.branch.id, staffIds, range, now);
  const byStaff = new Map(calendars.map((c) => [c.staffId, c]));
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
