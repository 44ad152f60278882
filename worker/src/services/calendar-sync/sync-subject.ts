import { and, eq } from "drizzle-orm";
import {
  appointments,
  type CalcomEventMap,
  calcomEventMaps,
  calcomTeamMembers,
  customers,
  teamEventTypeMappings,
} from "../../../../drizzle/schema";
import type { Db } from "../../db/client";
import type { PlatformBooking } from "../../domain/calendar-sync/compare-booking";

/** Everything a push needs about one appointment: itself, its customer, its Cal.com link and mappings. */
export interface SyncSubject {
  booking: PlatformBooking;
  uid: string | null;
  serviceId: number;
  link: CalcomEventMap | null;
  /** The team event type of the appointment's service. */
  eventTypeId: number | null;
  /** The Cal.com user of the appointment's staff member. */
  calcomUserId: number | null;
}

export async function loadSyncSubject(
  db: Db,
  companyId: number,
  appointmentId: number,
): Promise<SyncSubject | null> {
  const [row] = await db
    .select({
      id: appointments.id,
      uid: appointments.uid,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      serviceId: appointments.serviceId,
      customerName: customers.name,
      customerEmail: customers.email,
      customerPhone: customers.phone,
      eventTypeId: teamEventTypeMappings.calcomEventTypeId,
      calcomUserId: calcomTeamMembers.calcomUserId,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .leftJoin(
      teamEventTypeMappings,
      and(
        eq(teamEventTypeMappings.companyId, companyId),
        eq(teamEventTypeMappings.serviceId, appointments.serviceId),
        eq(teamEventTypeMappings.isActive, true),
      ),
    )
    .leftJoin(
      calcomTeamMembers,
      and(
        eq(calcomTeamMembers.companyId, companyId),
        eq(calcomTeamMembers.staffId, appointments.staffId),
        eq(calcomTeamMembers.isActive, true),
      ),
    )
    .where(and(eq(appointments.companyId, companyId), eq(appointments.id, appointmentId)))
    .limit(1);
  if (!row) return null;
  const [link] = await db
    .select()
    .from(calcomEventMaps)
    .where(and(eq(calcomEventMaps.companyId, companyId), eq(calcomEventMaps.appointmentId, appointmentId)))
    .limit(1);
  return {
    booking: {
      appointmentId: row.id,
      start: row.startsAt.getTime(),
      end: row.endsAt.getTime(),
      status: row.status,
      customer: { name: row.customerName, email: row.customerEmail, phone: row.customerPhone },
    },
    uid: row.uid,
    serviceId: row.serviceId,
    link: link ?? null,
    eventTypeId: row.eventTypeId,
    calcomUserId: row.calcomUserId,
  };
}
