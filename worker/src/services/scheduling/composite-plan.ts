import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { branches, type Service, services, staff, staffServices } from "../../../../drizzle/schema";
import type { TenantScope } from "../../db/tenant-scope";
import { invalidFields } from "../../http/errors";
import { jsonRows, parseRows } from "./json-rows";

/** One step of a composite booking as the engine and the booking service need it. */
export interface PlannedSegment {
  key: string;
  serviceId: number;
  durationMinutes: number;
  gapAfterMinMinutes: number;
  gapAfterMaxMinutes: number;
  sameStaffAsPrevious: boolean;
  staffBusyDuringGap: boolean;
  staffIds: number[];
}

export interface CompositePlan {
  branch: { id: number; timezone: string };
  /** The composite service, when the request named one. */
  compositeService: Service | null;
  /** Service whose timing rules (slot step, notice, horizon, price) apply to the whole booking. */
  leadService: Service;
  segments: PlannedSegment[];
  priceCents: number;
}

export interface CompositeRequest {
  branch_id: number;
  service_id?: number | undefined;
  services?:
    | {
        service_id: number;
        duration?: number | undefined;
        gap_after_min_minutes: number;
        gap_after_max_minutes: number;
      }[]
    | undefined;
  staff_id?: number | undefined;
}

/** What a composite plan is made from: loaded in one batch together with the calendars. */
export interface CompositeData {
  branch: { id: number; timezone: string } | undefined;
  services: Service[];
  /** Qualifications of the branch's active, bookable staff (every service). */
  qualified: { staffId: number; serviceId: number }[];
}

/** The requested services (a statement for a larger batch). */
export function compositeServicesQuery(scope: TenantScope, request: CompositeRequest) {
  const requestedIds =
    request.service_id !== undefined
      ? [request.service_id]
      : (request.services ?? []).map((s) => s.service_id);
  return scope.db
    .select()
    .from(services)
    .where(scope.where(services, inArray(services.id, requestedIds), eq(services.isActive, true)));
}

/**
 * The rest of CompositeData as columns of a row (see jsonRows), for a statement that also reads
 * the calendars: the branch, and who at the branch may perform what.
 */
export function compositeColumns(scope: TenantScope, request: CompositeRequest) {
  const db = scope.db;
  return {
    branch: jsonRows(
      db
        .select({ id: branches.id, timezone: branches.timezone })
        .from(branches)
        .where(scope.byId(branches, request.branch_id)),
      ["id", "timezone"],
    ),
    qualified: jsonRows(
      db
        .select({ staffId: staffServices.staffId, serviceId: staffServices.serviceId })
        .from(staffServices)
        .innerJoin(staff, eq(staff.id, staffServices.staffId))
        .where(
          and(
            eq(staffServices.companyId, scope.companyId),
            eq(staff.branchId, request.branch_id),
            eq(staff.isActive, true),
            eq(staff.isBookable, true),
            isNull(staff.deletedAt),
          ),
        ),
      ["staff_id", "service_id"],
    ),
  };
}

/** Reads the columns of compositeColumns. */
export function compositeDataOf(
  row: { branch: string | null; qualified: string | null },
  serviceRows: Service[],
): CompositeData {
  const [branch] = parseRows(row.branch, ([id, timezone]) => ({
    id: id as number,
    timezone: timezone as string,
  }));
  return {
    branch,
    services: serviceRows,
    qualified: parseRows(row.qualified, ([staffId, serviceId]) => ({
      staffId: staffId as number,
      serviceId: serviceId as number,
    })),
  };
}

/** The branch's active, bookable staff, as a subquery (whose calendars a composite may need). */
export function branchStaffSubquery(scope: TenantScope, branchId: number): SQL {
  return sql`(SELECT id FROM staff WHERE company_id = ${scope.companyId} AND branch_id = ${branchId}
    AND is_active = 1 AND is_bookable = 1 AND deleted_at IS NULL)`;
}

/**
 * Turns a composite request (a composite service, or an ordered list of services) into segments
 * with the staff qualified for each at the branch. Unknown ids are 422s naming the field.
 */
export function planComposite(request: CompositeRequest, data: CompositeData): CompositePlan {
  const branch = data.branch;
  if (!branch) throw invalidFields({ "body.branch_id": ["Unknown branch"] });
  const byId = new Map(data.services.map((s) => [s.id, s]));

  let compositeService: Service | null = null;
  let segments: Omit<PlannedSegment, "staffIds">[];
  if (request.service_id !== undefined) {
    compositeService = byId.get(request.service_id) ?? null;
    if (!compositeService?.segments?.length) {
      throw invalidFields({ "body.service_id": ["Unknown service, or not a composite service"] });
    }
    const composite = compositeService;
    segments = composite.segments!.map((s) => ({
      key: s.key,
      serviceId: s.serviceId ?? composite.id,
      durationMinutes: s.durationMinutes,
      gapAfterMinMinutes: s.gapAfterMinMinutes,
      gapAfterMaxMinutes: s.gapAfterMaxMinutes,
      sameStaffAsPrevious: s.sameStaffAsPrevious,
      staffBusyDuringGap: s.staffBusyDuringGap,
    }));
  } else {
    const missing = (request.services ?? []).findIndex((s) => !byId.has(s.service_id));
    if (missing >= 0) throw invalidFields({ [`body.services.${missing}.service_id`]: ["Unknown service"] });
    segments = (request.services ?? []).map((s, i) => ({
      key: `segment_${i + 1}`,
      serviceId: s.service_id,
      durationMinutes: s.duration ?? byId.get(s.service_id)!.durationMinutes,
      gapAfterMinMinutes: s.gap_after_min_minutes,
      gapAfterMaxMinutes: Math.max(s.gap_after_min_minutes, s.gap_after_max_minutes),
      sameStaffAsPrevious: true,
      staffBusyDuringGap: false,
    }));
  }

  const planned = segments.map((segment) => {
    const all = data.qualified.filter((q) => q.serviceId === segment.serviceId).map((q) => q.staffId);
    const preferred =
      request.staff_id !== undefined && all.includes(request.staff_id) ? [request.staff_id] : all;
    return { ...segment, staffIds: [...new Set(preferred)].sort((a, b) => a - b) };
  });
  const leadService = compositeService ?? byId.get(planned[0]!.serviceId)!;
  const priceCents = compositeService
    ? compositeService.priceCents
    : planned.reduce((sum, s) => sum + (byId.get(s.serviceId)?.priceCents ?? 0), 0);
  return {
    branch: { id: branch.id, timezone: branch.timezone },
    compositeService,
    leadService,
    segments: planned,
    priceCents,
  };
}
