import { eq, sql } from "drizzle-orm";
import {
  branches,
  branchServiceOffers,
  companies,
  customers,
  type Service,
  services,
  staff,
  staffServices,
} from "../../../../drizzle/schema";
import type { TenantScope } from "../../db/tenant-scope";
import type { ServiceTiming } from "../../domain/availability";
import { invalidFields } from "../../http/errors";
import { ONE_ROW, qualified } from "./calendar-inputs";

/** What a booking is for, after every id was checked to belong to the company and to fit together. */
export interface BookingTarget {
  companyId: number;
  timeZone: string;
  currency: string;
  branch: { id: number; name: string; timezone: string };
  service: Service;
  staff: { id: number; displayName: string };
  /** Duration and price after the staff member's and the branch's overrides. */
  timing: ServiceTiming;
  priceCents: number;
}

/**
 * Loads branch, service and staff member of a booking in one round trip and checks that they fit:
 * the branch offers the service, the staff member works at that branch, is bookable and qualified.
 * Every problem is a 422 naming the field, so the caller can fix the request.
 */
export async function resolveBookingTarget(
  scope: TenantScope,
  ids: BookingTargetIds,
): Promise<BookingTarget> {
  const [row] = await bookingTargetQuery(scope, ids);
  return bookingTargetOf(scope, ids, row);
}

export interface BookingTargetIds {
  branchId?: number | undefined;
  serviceId: number;
  staffId: number;
}

/** The statement behind resolveBookingTarget, for callers that batch it with their other reads. */
export function bookingTargetQuery(scope: TenantScope, ids: BookingTargetIds) {
  const db = scope.db;
  // The branch is the one asked for, or else the staff member's; it is resolved in the same batch.
  const branchRef = ids.branchId
    ? sql`${ids.branchId}`
    : sql`(SELECT branch_id FROM staff WHERE id = ${ids.staffId} AND company_id = ${scope.companyId})`;
  // One statement (local D1 charges several milliseconds per statement): the service row, and
  // staff member, qualification, company currency, branch and offer as JSON columns.
  const q = qualified;
  return db
    .select({
      service: services,
      staff: sql<
        string | null
      >`(SELECT json_array(${q(staff.id)}, ${q(staff.isActive)}, ${q(staff.isBookable)}, ${q(staff.branchId)}, ${q(staff.displayName)}) FROM ${staff} WHERE ${scope.byId(staff, ids.staffId)})`,
      qualification: sql<
        string | null
      >`(SELECT json_array(${q(staffServices.durationMinutesOverride)}, ${q(staffServices.priceCentsOverride)}) FROM ${staffServices} WHERE ${scope.where(
        staffServices,
        eq(staffServices.staffId, ids.staffId),
        eq(staffServices.serviceId, ids.serviceId),
      )} LIMIT 1)`,
      companyCurrency: sql<
        string | null
      >`(SELECT ${q(companies.currency)} FROM ${companies} WHERE ${q(companies.id)} = ${scope.companyId})`,
      branch: sql<
        string | null
      >`(SELECT json_array(${q(branches.id)}, ${q(branches.isActive)}, ${q(branches.name)}, ${q(branches.timezone)}) FROM ${branches} WHERE ${scope.where(branches, eq(branches.id, branchRef))})`,
      offer: sql<
        string | null
      >`(SELECT json_array(${q(branchServiceOffers.durationMinutesOverride)}, ${q(branchServiceOffers.priceCentsOverride)}) FROM ${branchServiceOffers} WHERE ${scope.where(
        branchServiceOffers,
        eq(branchServiceOffers.branchId, branchRef),
        eq(branchServiceOffers.serviceId, ids.serviceId),
        eq(branchServiceOffers.isActive, true),
      )} LIMIT 1)`,
    })
    .from(ONE_ROW)
    .leftJoin(services, scope.byId(services, ids.serviceId));
}

/** Checks and reads the row of bookingTargetQuery (see resolveBookingTarget). */
export function bookingTargetOf(
  scope: TenantScope,
  ids: BookingTargetIds,
  row: Awaited<ReturnType<typeof bookingTargetQuery>>[number] | undefined,
): BookingTarget {
  const parse = <T>(text: string | null | undefined): T | null => (text ? (JSON.parse(text) as T) : null);
  const staffTuple = parse<[number, number, number, number, string]>(row?.staff);
  const staffRows = staffTuple
    ? [
        {
          id: staffTuple[0],
          isActive: staffTuple[1] === 1,
          isBookable: staffTuple[2] === 1,
          branchId: staffTuple[3],
          displayName: staffTuple[4],
        },
      ]
    : [];
  const serviceRows = row?.service ? [row.service] : [];
  const qualificationTuple = parse<[number | null, number | null]>(row?.qualification);
  const qualificationRows = qualificationTuple
    ? [{ durationMinutesOverride: qualificationTuple[0], priceCentsOverride: qualificationTuple[1] }]
    : [];
  const companyRows = [{ currency: row?.companyCurrency ?? "EUR" }];
  const branchTuple = parse<[number, number, string, string]>(row?.branch);
  const branchRows = branchTuple
    ? [{ id: branchTuple[0], isActive: branchTuple[1] === 1, name: branchTuple[2], timezone: branchTuple[3] }]
    : [];
  const offerTuple = parse<[number | null, number | null]>(row?.offer);
  const offerRows = offerTuple
    ? [{ durationMinutesOverride: offerTuple[0], priceCentsOverride: offerTuple[1] }]
    : [];
  const member = staffRows[0];
  const service = serviceRows[0];
  const wrong: Record<string, string[]> = {};
  if (!member) wrong["body.staff_id"] = ["Unknown staff member"];
  else if (!member.isActive || !member.isBookable)
    wrong["body.staff_id"] = ["This staff member takes no bookings"];
  if (!service) wrong["body.service_id"] = ["Unknown service"];
  else if (!service.isActive) wrong["body.service_id"] = ["This service is not active"];
  if (member && service && qualificationRows.length === 0) {
    wrong["body.staff_id"] = ["This staff member does not perform this service"];
  }
  const branchId = ids.branchId ?? member?.branchId;
  if (member && branchId !== undefined && member.branchId !== branchId) {
    wrong["body.branch_id"] = ["This staff member does not work at this branch"];
  }
  if (Object.keys(wrong).length > 0 || !member || !service || branchId === undefined)
    throw invalidFields(wrong);

  const branch = branchRows[0];
  if (!branch?.isActive) throw invalidFields({ "body.branch_id": ["Unknown branch"] });
  const offer = offerRows[0];
  if (!offer) throw invalidFields({ "body.service_id": ["This branch does not offer this service"] });
  const qualification = qualificationRows[0]!;
  const company = companyRows[0]!;

  return {
    companyId: scope.companyId,
    timeZone: branch.timezone,
    currency: service.currency ?? company.currency,
    branch: { id: branch.id, name: branch.name, timezone: branch.timezone },
    service,
    staff: { id: member.id, displayName: member.displayName },
    timing: {
      durationMinutes:
        qualification.durationMinutesOverride ?? offer.durationMinutesOverride ?? service.durationMinutes,
      bufferBeforeMinutes: service.bufferBeforeMinutes,
      bufferAfterMinutes: service.bufferAfterMinutes,
      slotIntervalMinutes: service.slotIntervalMinutes,
      minNoticeMinutes: service.minNoticeMinutes,
      maxAdvanceDays: service.maxAdvanceDays,
    },
    priceCents: qualification.priceCentsOverride ?? offer.priceCentsOverride ?? service.priceCents,
  };
}

/** The customer must belong to the company. */
export async function requireCustomer(scope: TenantScope, customerId: number) {
  return customerOf(await customerQuery(scope, customerId));
}

/** The statement behind requireCustomer, for callers that batch it with their other reads. */
export const customerQuery = (scope: TenantScope, customerId: number) =>
  scope.db.select().from(customers).where(scope.byId(customers, customerId)).limit(1);

/** The customer found by customerQuery, or a 422 naming the field. */
export function customerOf(rows: Awaited<ReturnType<typeof customerQuery>>) {
  const customer = rows[0];
  if (!customer) throw invalidFields({ "body.customer_id": ["Unknown customer"] });
  return customer;
}
