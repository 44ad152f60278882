import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
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
export function upcomingAppointmentsQuery(scope: UpcomingScope, customerIds: number[], limit: number) {
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
        inArray(appointments.customerId, customerIds),
        inArray(appointments.status, ["pending", "confirmed"]),
        gt(appointments.startsAt, new Date(scope.now)),
        isNull(appointments.deletedAt),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(limit);
}
