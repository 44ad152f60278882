import { and, eq } from "drizzle-orm";
import {
  type Appointment,
  appointments,
  calcomTeamMembers,
  type DriftDetail,
  teamEventTypeMappings,
} from "../../../../../drizzle/schema";
import type { TenantScope } from "../../../db/tenant-scope";
import { isActiveOnPlatform } from "../../../domain/calendar-sync/compare-booking";
import type { Env } from "../../../env";
import { ApiError } from "../../../http/errors";
import type { CalcomBookingWebhook } from "../../../integrations/calcom";
import type { Actor } from "../../scheduling/appointment-access";
import { cancelBooking } from "../../scheduling/cancel-booking";
import { createBooking } from "../../scheduling/create-booking";
import { rescheduleBooking } from "../../scheduling/reschedule-booking";
import { changeStatus } from "../../scheduling/status-transitions";
import { appointmentIdOf } from "../booking-metadata";
import { customerForAttendee } from "./attendee-customer";
import { type BookingRef, linkAppointment, linkOfUids, recordForReview } from "./link-rows";

export type WebhookOutcome =
  | "echo"
  | "created"
  | "rescheduled"
  | "confirmed"
  | "cancelled"
  | "refused"
  | "unmapped"
  | "stale"
  | "unknown_booking"
  | "drift";

export interface AppliedWebhook {
  outcome: WebhookOutcome;
  appointmentId: number | null;
  detail?: string;
}

const CALCOM_ACTOR: Actor = { type: "calcom", userId: null };

/**
 * Applies one Cal.com booking event to the platform through the same booking services (and so
 * the same calendar objects) as every other channel. Our own pushes come back as webhooks too:
 * they are recognised (our appointment id in the metadata, or a linked uid) and change nothing
 * when both sides already agree.
 */
export async function applyCalcomBooking(
  scope: TenantScope,
  env: Env,
  webhook: CalcomBookingWebhook,
  country: string,
): Promise<AppliedWebhook> {
  const p = webhook.payload;
  const ref: BookingRef = {
    uid: p.uid,
    bookingId: p.bookingId,
    eventTypeId: p.eventTypeId,
    sequence: p.iCalSequence,
  };
  const link = await linkOfUids(
    scope.db,
    scope.companyId,
    p.rescheduleUid ? [p.uid, p.rescheduleUid] : [p.uid],
  );
  if (link?.calcomSequence != null && p.iCalSequence != null && p.iCalSequence < link.calcomSequence) {
    return { outcome: "stale", appointmentId: link.appointmentId };
  }
  const appointment = await findAppointment(scope, link?.appointmentId ?? appointmentIdOf(p.metadata));
  const removed = webhook.triggerEvent === "BOOKING_CANCELLED" || webhook.triggerEvent === "BOOKING_REJECTED";

  if (removed) {
    if (!appointment) return { outcome: "unknown_booking", appointmentId: null };
    if (!isActiveOnPlatform(appointment.status)) {
      return { outcome: "echo", appointmentId: appointment.id };
    }
    await cancelBooking(scope, env, {
      appointmentId: appointment.id,
      reason: p.cancellationReason ?? p.rejectionReason ?? `${webhook.triggerEvent} on Cal.com`,
      actor: CALCOM_ACTOR,
    });
    await linkAppointment(scope.db, scope.companyId, appointment.id, ref);
    return { outcome: "cancelled", appointmentId: appointment.id };
  }

  const start = Date.parse(p.startTime);
  if (!appointment) return importBooking(scope, env, webhook, ref, start, country);
  if (!isActiveOnPlatform(appointment.status)) {
    // Cancelled here, alive on Cal.com: only a person (or the drift strategy) may decide.
    await recordForReview(scope.db, scope.companyId, ref, [
      { field: "status", platform: appointment.status, calcom: p.status ?? "ACCEPTED" },
    ]);
    return { outcome: "drift", appointmentId: appointment.id };
  }
  let outcome: WebhookOutcome = "echo";
  if (appointment.startsAt.getTime() !== start) {
    try {
      await rescheduleBooking(scope, env, {
        appointmentId: appointment.id,
        newStartsAt: new Date(start),
        reason: "Rescheduled on Cal.com",
        actor: CALCOM_ACTOR,
      });
      outcome = "rescheduled";
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      await recordForReview(scope.db, scope.companyId, ref, [
        {
          field: "time",
          platform: appointment.startsAt.toISOString(),
          calcom: new Date(start).toISOString(),
        },
      ]);
      return { outcome: "refused", appointmentId: appointment.id, detail: error.code };
    }
  }
  if (p.status === "ACCEPTED" && appointment.status === "pending") {
    await changeStatus(scope, appointment.id, "confirm");
    if (outcome === "echo") outcome = "confirmed";
  }
  await linkAppointment(scope.db, scope.companyId, appointment.id, ref);
  return { outcome, appointmentId: appointment.id };
}

async function findAppointment(scope: TenantScope, id: number | null): Promise<Appointment | null> {
  if (id === null) return null;
  const [row] = await scope.db.select().from(appointments).where(scope.byId(appointments, id)).limit(1);
  return row ?? null;
}

/** A booking made on Cal.com: booked on the platform like any other, or recorded for review. */
async function importBooking(
  scope: TenantScope,
  env: Env,
  webhook: CalcomBookingWebhook,
  ref: BookingRef,
  start: number,
  country: string,
): Promise<AppliedWebhook> {
  const p = webhook.payload;
  const [staff, service] = await Promise.all([
    p.organizer?.id == null
      ? Promise.resolve([])
      : scope.db
          .select({ staffId: calcomTeamMembers.staffId })
          .from(calcomTeamMembers)
          .where(
            and(
              eq(calcomTeamMembers.companyId, scope.companyId),
              eq(calcomTeamMembers.calcomUserId, p.organizer.id),
              eq(calcomTeamMembers.isActive, true),
            ),
          )
          .limit(1),
    p.eventTypeId == null
      ? Promise.resolve([])
      : scope.db
          .select({ serviceId: teamEventTypeMappings.serviceId })
          .from(teamEventTypeMappings)
          .where(
            and(
              eq(teamEventTypeMappings.companyId, scope.companyId),
              eq(teamEventTypeMappings.calcomEventTypeId, p.eventTypeId),
              eq(teamEventTypeMappings.isActive, true),
            ),
          )
          .limit(1),
  ]);
  const staffId = staff[0]?.staffId ?? null;
  const serviceId = service[0]?.serviceId ?? null;
  if (staffId === null || serviceId === null) {
    const details: DriftDetail[] = [
      {
        field: "event_type",
        platform: null,
        calcom: {
          organizer: p.organizer?.id ?? null,
          eventTypeId: p.eventTypeId ?? null,
          staffId,
          serviceId,
        },
      },
    ];
    await recordForReview(scope.db, scope.companyId, ref, details);
    return { outcome: "unmapped", appointmentId: null };
  }
  const attendee = p.attendees[0] ?? {};
  const customerId = await customerForAttendee(scope, attendee, country);
  try {
    const { appointment } = await createBooking(scope, env, {
      customerId,
      serviceId,
      staffId,
      startsAt: new Date(start),
      source: "calcom",
      fromCalcom: true,
      status: p.status === "PENDING" ? "pending" : "confirmed",
      notes: typeof p.description === "string" ? p.description : null,
    });
    await linkAppointment(scope.db, scope.companyId, appointment.id, ref);
    return { outcome: "created", appointmentId: appointment.id };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    // Taken on the platform (or outside its hours): the platform never double-books.
    await recordForReview(scope.db, scope.companyId, ref, [
      { field: "time", platform: error.code, calcom: new Date(start).toISOString() },
    ]);
    return { outcome: "refused", appointmentId: null, detail: error.code };
  }
}
