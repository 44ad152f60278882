import { type SQL, sql } from "drizzle-orm";
import type { Service } from "../../../../drizzle/schema";
import type { TenantScope } from "../../db/tenant-scope";
import { findCompositeSlots } from "../../domain/availability";
import { localTime, nextLocalDate } from "../../domain/zoned-time";
import { parseResourceUnits, resourceUnitsColumn } from "../resources/resource-units";
import { assembleCalendarRow, calendarColumns, ONE_ROW } from "./calendar-inputs";
import { calendarWindow } from "./calendar-window";
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
  options: {
    /** An appointment being moved does not stand in its own way. */
    ignoreAppointmentIds?: readonly number[];
    /** Nor do a voice call's own holds when it asks again or books one of them. */
    ignoreHoldsOfCall?: string | undefined;
    /** Per segment, the staff member to keep where free (the one it had, or a held offer's). */
    preferStaff?: readonly number[] | undefined;
  } = {},
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
  const window = calendarWindow(range, now);
  const [serviceRows, [row]] = await scope.db.batch([
    compositeServicesQuery(scope, request),
    scope.db
      .select({
        ...compositeColumns(scope, request),
        ...calendarColumns(
          scope,
          request.branch_id,
          branchStaffSubquery(scope, request.branch_id),
          window,
          "all",
          options.ignoreHoldsOfCall,
        ),
        resourceUnits: resourceUnitsColumn(
          scope,
          request.branch_id,
          requiredTypeSubquery(scope, request),
          window,
          options.ignoreHoldsOfCall,
        ),
      })
      .from(ONE_ROW),
  ]);
  const plan = planComposite(request, compositeDataOf(row!, serviceRows));
  const requiresResource = requiredType(request, serviceRows) !== null;
  const units = requiresResource ? parseResourceUnits(row!.resourceUnits, options) : [];
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
          segments: plan.segments.map((s, i) => ({
            key: s.key,
            serviceId: s.serviceId,
            durationMinutes: s.durationMinutes,
            gapAfterMinMinutes: s.gapAfterMinMinutes,
            gapAfterMaxMinutes: s.gapAfterMaxMinutes,
            sameStaffAsPrevious: s.sameStaffAsPrevious,
            staffBusyDuringGap: s.staffBusyDuringGap,
            preferredStaffId: options.preferStaff?.[i],
            staff: s.staffIds.map((id) => byStaff.get(id)!),
          })),
          // The engine numbers the unit calendars; the same room or chair serves every segment.
          ...(requiresResource ? { resources: units.map((u, i) => ({ resourceId: i, busy: u.busy })) } : {}),
        },
        request.limit,
      );
  return {
    plan,
    timeZone: zone,
    totalDuration,
    requiresResource,
    resourceUnits: units,
    slots: slots.map((slot) => ({
      ...slot,
      resourceUnit: slot.resourceId === undefined ? null : (units[slot.resourceId] ?? null),
      segments: slot.segments.map((seg) => ({
        ...seg,
        localStart: localTime(new Date(seg.start), zone),
        localEnd: localTime(new Date(seg.end), zone),
      })),
    })),
  };
}

/**
 * The room or chair type a composite needs: the composite service's own, or else the first listed
 * service's that needs one. (The services its segments name are not consulted: a composite
 * service states what the whole appointment needs.)
 */
function requiredType(request: CompositeRequest, rows: readonly Service[]): string | null {
  const ids = requestedIds(request);
  const byId = new Map(rows.map((s) => [s.id, s]));
  return ids.map((id) => byId.get(id)?.requiredResourceType ?? null).find((t) => t !== null) ?? null;
}

/** requiredType as a subquery, so the units are read in the same statement as the calendars. */
function requiredTypeSubquery(scope: TenantScope, request: CompositeRequest): SQL {
  const ids = requestedIds(request);
  if (ids.length === 0) return sql`NULL`;
  const position = sql.join(
    ids.map((id, i) => sql`WHEN ${id} THEN ${i}`),
    sql` `,
  );
  return sql`(SELECT required_resource_type FROM services WHERE company_id = ${scope.companyId}
    AND id IN ${ids} AND is_active = 1 AND required_resource_type IS NOT NULL
    ORDER BY CASE id ${position} END LIMIT 1)`;
}

const requestedIds = (request: CompositeRequest) =>
  request.service_id !== undefined ? [request.service_id] : (request.services ?? []).map((s) => s.service_id);
