import type { TenantScope } from "../../db/tenant-scope";
import { findCompositeSlots } from "../../domain/availability";
import { localTime, nextLocalDate } from "../../domain/zoned-time";
import { assembleCalendarRow, calendarColumns, ONE_ROW } from "./calendar-inputs";
import {
  branchStaffSubquery,
  type CompositeRequest,
  compositeColumns,
  compositeDataOf,
  compositeServicesQuery,
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
  /** An appointment being moved does not stand in its own way. */
  options: { ignoreAppointmentIds?: readonly number[] } = {},
) {
  let lastDate = request.date;
  for (let i = 1; i < request.days; i++) lastDate = nextLocalDate(lastDate);
  // One round trip of two statements: the services; branch, qualifications and every branch
  // staff member's calendar
  // (a range padded by a day each side covers any zone; a composite may run past midnight).
  const range = {
    from: Date.parse(`${request.date}T00:00:00Z`) - DAY_MS,
    to: Date.parse(`${lastDate}T00:00:00Z`) + 3 * DAY_MS,
  };
  const [serviceRows, [row]] = await scope.db.batch([
    compositeServicesQuery(scope, request),
    scope.db
      .select({
        ...compositeColumns(scope, request),
        ...calendarColumns(
          scope,
          request.branch_id,
          branchStaffSubquery(scope, request.branch_id),
          range,
          now,
        ),
      })
      .from(ONE_ROW),
  ]);
  const plan = planComposite(request, compositeDataOf(row!, serviceRows));
  const zone = plan.branch.timezone;
  const staffIds = [...new Set(plan.segments.flatMap((s) => s.staffIds))];
  const byStaff = new Map(assembleCalendarRow(row!, staffIds, options).map((c) => [c.staffId, c]));
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
