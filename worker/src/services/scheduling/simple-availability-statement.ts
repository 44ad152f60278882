import { eq, isNull, sql } from "drizzle-orm";
import { branches, branchServiceOffers, services, staff, staffServices } from "../../../../drizzle/schema";
import type { Db } from "../../db/client";
import { preparedOnce } from "../../db/prepared";
import { TenantScope } from "../../db/tenant-scope";
import { requiredTypeOf, resourceUnitsColumn } from "../resources/resource-units";
import { calendarColumns, ONE_ROW, qualified } from "./calendar-inputs";
import { CALENDAR_WINDOW_PLACEHOLDERS, type CalendarWindow } from "./calendar-window";

/** Which statement a request needs: its conditions differ, not only its values. */
export interface SimpleAvailabilityShape {
  byStaff: boolean;
  byBranch: boolean;
  /** A voice call asking: its own holds do not count as busy. */
  ignoringCall: boolean;
}

/** The values a run of the statement fills in (CalendarWindow's bounds included). */
export type SimpleAvailabilityValues = { [K in keyof CalendarWindow]: number } & {
  companyId: number;
  serviceId: number;
  /** 0 when the request names none. */
  staffId: number;
  branchId: number;
  /** "" when no call is asking. */
  callId: string;
};

/**
 * Everything simple availability reads, in one statement (local D1 charges per statement): the
 * service, who may perform it, the branch and its offer, and the calendars and resource units, as
 * JSON columns. Built once per shape and isolate (db/prepared.ts), run with the request's values.
 */
export function simpleAvailabilityStatement(db: Db, shape: SimpleAvailabilityShape) {
  const key = `simple-availability:${shape.byStaff ? "staff" : "-"}:${shape.byBranch ? "branch" : "-"}:${shape.ignoringCall ? "call" : "-"}`;
  return preparedOnce(db, key, () => buildStatement(db, shape));
}

function buildStatement(db: Db, shape: SimpleAvailabilityShape) {
  const scope = TenantScope.template(db);
  const company = scope.companyRef;
  const serviceId = sql.placeholder("serviceId");
  const staffId = sql.placeholder("staffId");
  const branchId = sql.placeholder("branchId");
  const callId = shape.ignoringCall ? sql.placeholder("callId") : undefined;
  const qualifiedStaff = sql`(SELECT ss.staff_id FROM staff_services ss JOIN staff s ON s.id = ss.staff_id
    WHERE ss.company_id = ${company} AND ss.service_id = ${serviceId} AND s.is_active = 1
      AND s.is_bookable = 1 AND s.deleted_at IS NULL
      ${shape.byStaff ? sql`AND s.id = ${staffId}` : sql``}
      ${shape.byBranch ? sql`AND s.branch_id = ${branchId}` : sql``})`;
  // The branch is the one asked for, or else the staff member's: resolved inside the statement.
  const branchRef = shape.byBranch
    ? sql`${branchId}`
    : sql`(SELECT branch_id FROM staff WHERE id = ${staffId} AND company_id = ${company})`;
  const sv = services;
  const candidateWhere = scope.where(
    staffServices,
    eq(staffServices.serviceId, serviceId),
    eq(staff.isActive, true),
    eq(staff.isBookable, true),
    isNull(staff.deletedAt),
    shape.byStaff ? eq(staff.id, staffId) : undefined,
    shape.byBranch ? eq(staff.branchId, branchId) : undefined,
  );
  return db
    .select({
      service: sql<
        string | null
      >`(SELECT json_array(${qualified(sv.id)}, ${qualified(sv.isActive)}, ${qualified(sv.durationMinutes)}, ${qualified(sv.bufferBeforeMinutes)}, ${qualified(sv.bufferAfterMinutes)}, ${qualified(sv.slotIntervalMinutes)}, ${qualified(sv.minNoticeMinutes)}, ${qualified(sv.maxAdvanceDays)}, ${qualified(sv.requiredResourceType)}) FROM ${sv} WHERE ${scope.where(sv, eq(sv.id, serviceId))})`,
      candidates: sql<
        string | null
      >`(SELECT json_group_array(json_array(${qualified(staff.id)}, ${qualified(staff.branchId)}, ${qualified(staff.displayName)}, ${qualified(staffServices.durationMinutesOverride)})) FROM ${staffServices} INNER JOIN ${staff} ON ${qualified(staff.id)} = ${qualified(staffServices.staffId)} WHERE ${candidateWhere})`,
      timeZone: sql<
        string | null
      >`(SELECT ${qualified(branches.timezone)} FROM ${branches} WHERE ${scope.where(branches, eq(branches.id, branchRef))})`,
      offer: sql<
        string | null
      >`(SELECT json_array(${qualified(branchServiceOffers.durationMinutesOverride)}) FROM ${branchServiceOffers} WHERE ${scope.where(
        branchServiceOffers,
        eq(branchServiceOffers.branchId, branchRef),
        eq(branchServiceOffers.serviceId, serviceId),
        eq(branchServiceOffers.isActive, true),
      )} LIMIT 1)`,
      ...calendarColumns(scope, branchRef, qualifiedStaff, CALENDAR_WINDOW_PLACEHOLDERS, "all", callId),
      resourceUnits: resourceUnitsColumn(
        scope,
        branchRef,
        requiredTypeOf(scope, serviceId),
        CALENDAR_WINDOW_PLACEHOLDERS,
        callId,
      ),
    })
    .from(ONE_ROW)
    .prepare();
}
