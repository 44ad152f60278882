import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { appointments, services, staff } from "../../../../drizzle/schema";
import type { Db } from "../../db/client";
import type { VoiceContext } from "./voice-context";

export interface CallerAppointment {
  id: number;
  startsAt: Date;
  serviceId: number;
  serviceName: string;
  staffId: number;
  staffName: string;
  version: number;
}

/** Where and when to look: a voice request's company and clock, or a webhook's. */
export interface UpcomingScope {
  db: Db;
  companyId: number;
  now: number;
}

export const upcomingScopeOf = (ctx: VoiceContext): UpcomingScope => ({
  db: ctx.scope.db,
  companyId: ctx.tenant.companyId,
  now: ctx.now,
});

/** The customers' next appointments that can still be changed (a query, so it can join a batch). */
export function upcomingAppointmentsQuery(
  scope: UpcomingScope,
  /** Ids, or a subquery selecting one (see customerIs). */
  customerIds: number[] | SQL,
  limit: number,
) {
  return scope.db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      serviceId: appointments.serviceId,
      serviceName: services.name,
      staffId: appointments.staffId,
      staffName: staff.displayName,
      version: appointments.version,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .where(
      and(
        eq(appointments.companyId, scope.companyId),
        customerIs(customerIds),
        inArray(appointments.status, ["pending", "confirmed"]),
        gt(appointments.startsAt, new Date(scope.now)),
        isNull(appointments.deletedAt),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(limit);
}

/**
 * The appointments' customer is one of `ids`, or the one a scalar subquery selects: compared with
 * `=` so SQLite walks the (company, customer, starts) index instead of the company's whole
 * calendar, which it would do for `IN (subquery)`.
 */
export function customerIs(ids: number[] | SQL) {
  return Array.isArray(ids)
    ? inArray(appointments.customerId, ids)
    : eq(appointments.customerId, sql`(${ids})`);
}

/** The result columns of upcomingAppointmentsQuery, for jsonRows. */
export const UPCOMING_COLUMNS = [
  "id",
  "starts_at",
  "service_id",
  "name",
  "staff_id",
  "display_name",
  "version",
];

/** A row of upcomingAppointmentsQuery read through jsonRows. */
export function upcomingOf(values: unknown[]): CallerAppointment {
  const [id, startsAt, serviceId, serviceName, staffId, staffName, version] = values;
  return {
    id: id as number,
    startsAt: new Date(startsAt as number),
    serviceId: serviceId as number,
    serviceName: serviceName as string,
    staffId: staffId as number,
    staffName: staffName as string,
    version: version as number,
  };
}
