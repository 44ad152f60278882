import type { Db } from "../../db/client";
import {
  isActiveOnPlatform,
  syncedStatusOfCalcom,
  syncedStatusOfPlatform,
} from "../../domain/calendar-sync/compare-booking";
import type { Env } from "../../env";
import { type CalcomBooking, CalcomError } from "../../integrations/calcom";
import { appointmentIdOf, platformMetadata } from "./booking-metadata";
import { type CalcomConnection, calcomConnection } from "./connection";
import { claimPush, markPushed, markPushFailed, recordIntegrationHealth } from "./link-updates";
import type { CalcomPushJob } from "./outbox";
import { loadSyncSubject, type SyncSubject } from "./sync-subject";

/** Why a push cannot succeed however often it is retried: the admin has to act. */
export class PushNotPossible extends Error {}

/**
 * Makes Cal.com show what the platform holds for one appointment. It compares states instead of
 * replaying actions, so a repeated, late or out-of-order message does no harm: create when Cal.com
 * has nothing, reschedule (following the new uid) when the time differs, cancel or confirm when
 * the status does. Retryable failures are thrown for the queue to retry with backoff.
 */
export interface PushOptions {
  /** Push even when the link says it is pushed (drift repair). */
  force?: boolean;
  /** Book again when Cal.com cancelled what the platform holds (`platform_wins`). */
  recreate?: boolean;
}

export async function pushAppointment(env: Env, db: Db, job: CalcomPushJob, options: PushOptions = {}) {
  const connection = await calcomConnection(env, db, job.companyId);
  if (!connection) return "not_connected" as const;
  const subject = await loadSyncSubject(db, job.companyId, job.appointmentId);
  if (!subject?.link) return "nothing_to_push" as const;
  if (subject.link.pushStatus === "pushed" && !options.force) return "already_pushed" as const;
  const linkId = subject.link.id;
  if (!(await claimPush(db, linkId, subject.link.syncAttempts))) return "busy" as const;
  try {
    const booking = await reconcile(connection, subject, options);
    await markPushed(db, linkId, booking);
    await recordIntegrationHealth(db, job.companyId, null);
    return "pushed" as const;
  } catch (error) {
    await markPushFailed(db, linkId, error);
    await recordIntegrationHealth(db, job.companyId, error);
    if (error instanceof CalcomError && error.retryable) throw error;
    if (error instanceof CalcomError || error instanceof PushNotPossible) return "failed" as const;
    throw error;
  }
}

async function reconcile(
  connection: CalcomConnection,
  subject: SyncSubject,
  options: PushOptions,
): Promise<CalcomBooking | null> {
  const { client } = connection;
  const { booking } = subject;
  const uid = subject.link?.calcomBookingUid ?? null;
  if (uid === null) {
    if (!isActiveOnPlatform(booking.status)) return null;
    // An earlier attempt may have created it without us learning so (a timeout): look first.
    const earlier = (subject.link?.syncAttempts ?? 0) > 0 ? await findPushed(connection, subject) : null;
    return earlier ?? create(connection, subject);
  }
  let current = await client.bookings.get(uid);
  // Rescheduled on Cal.com meanwhile: the booking lives on under its new uid.
  for (let hops = 0; current.rescheduledToUid && hops < 10; hops++) {
    current = await client.bookings.get(current.rescheduledToUid);
  }
  const wanted = syncedStatusOfPlatform(booking.status);
  const shown = syncedStatusOfCalcom(current.status);
  if (wanted === "cancelled") {
    return shown === "cancelled"
      ? current
      : client.bookings.cancel(current.uid, { cancellationReason: "Cancelled on the platform" });
  }
  if (shown === "cancelled") {
    // Cancelled on Cal.com while the platform still holds it: only the platform_wins repair books
    // it again; an ordinary push leaves the conflict to the drift review.
    if (options.recreate) return create(connection, subject);
    throw new PushNotPossible(`The Cal.com booking ${current.uid} is ${current.status}; see drift review`);
  }
  if (Date.parse(current.start) !== booking.start) {
    current = await client.bookings.reschedule(current.uid, {
      start: new Date(booking.start).toISOString(),
      reschedulingReason: "Rescheduled on the platform",
      allowConflicts: true,
    });
  }
  if (wanted === "accepted" && syncedStatusOfCalcom(current.status) === "pending") {
    current = await client.bookings.confirm(current.uid);
  }
  return current;
}

async function create(connection: CalcomConnection, subject: SyncSubject): Promise<CalcomBooking> {
  if (subject.eventTypeId === null) {
    throw new PushNotPossible(
      `Service ${subject.serviceId} has no Cal.com event type: push the event types first`,
    );
  }
  const { booking } = subject;
  const { customer } = booking;
  const contact = customer.email
    ? { email: customer.email }
    : customer.phone
      ? { phoneNumber: customer.phone }
      : {};
  if (!("email" in contact) && !("phoneNumber" in contact)) {
    throw new PushNotPossible(
      `Customer of appointment ${booking.appointmentId} has no email or phone number`,
    );
  }
  const created = await connection.client.bookings.create({
    start: new Date(booking.start).toISOString(),
    eventTypeId: subject.eventTypeId,
    attendee: { name: customer.name, timeZone: connection.timeZone, language: "de", ...contact },
    metadata: platformMetadata(connection.companyId, booking.appointmentId),
    // The platform already decided the time is free (its calendar objects are the single writer).
    allowConflicts: true,
    ...(subject.calcomUserId === null ? {} : { routing: { teamMemberIds: [subject.calcomUserId] } }),
  });
  return booking.status === "pending" || created.status !== "pending"
    ? created
    : connection.client.bookings.confirm(created.uid);
}

/** A booking Cal.com made from an earlier attempt of this push, found by our id in its metadata. */
async function findPushed(connection: CalcomConnection, subject: SyncSubject): Promise<CalcomBooking | null> {
  const { booking } = subject;
  const page = await connection.client.bookings.list({
    afterStart: new Date(booking.start - 60_000).toISOString(),
    beforeEnd: new Date(booking.end + 24 * 3_600_000).toISOString(),
    take: 250,
  });
  return (
    page.bookings.find(
      (b) =>
        appointmentIdOf(b.metadata) === booking.appointmentId &&
        syncedStatusOfCalcom(b.status) !== "cancelled",
    ) ?? null
  );
}
