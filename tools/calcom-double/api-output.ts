import type { DoubleBooking, DoubleEventType, DoubleWebhook } from "./model";
import type { DoubleStore } from "./store";

/** BookingOutput_2024_08_13 (calcom.md §4.1): lowercase status, ISO UTC start/end. */
export function bookingOutput(store: DoubleStore, booking: DoubleBooking) {
  const eventType = store.eventTypes.get(booking.eventTypeId);
  return {
    id: booking.id,
    uid: booking.uid,
    title: booking.title,
    description: booking.description ?? "",
    hosts: booking.hostUserIds.flatMap((id) => {
      const user = store.users.get(id);
      if (user === undefined) return [];
      return [
        {
          id: user.id,
          name: user.name,
          email: user.email,
          displayEmail: user.email,
          username: user.username,
          timeZone: user.timeZone,
        },
      ];
    }),
    status: booking.status,
    ...(booking.cancellationReason !== null ? { cancellationReason: booking.cancellationReason } : {}),
    ...(booking.cancelledByEmail !== null ? { cancelledByEmail: booking.cancelledByEmail } : {}),
    ...(booking.reschedulingReason !== null ? { reschedulingReason: booking.reschedulingReason } : {}),
    ...(booking.rescheduledByEmail !== null ? { rescheduledByEmail: booking.rescheduledByEmail } : {}),
    ...(booking.rescheduledFromUid !== null ? { rescheduledFromUid: booking.rescheduledFromUid } : {}),
    ...(booking.rescheduledToUid !== null ? { rescheduledToUid: booking.rescheduledToUid } : {}),
    start: new Date(booking.start).toISOString(),
    end: new Date(booking.end).toISOString(),
    duration: Math.round((booking.end - booking.start) / 60_000),
    eventTypeId: booking.eventTypeId,
    eventType: { id: booking.eventTypeId, slug: eventType?.slug ?? "" },
    location: apiLocation(booking),
    meetingUrl: apiLocation(booking),
    absentHost: false,
    createdAt: new Date(booking.createdAt).toISOString(),
    updatedAt: booking.updatedAt === null ? null : new Date(booking.updatedAt).toISOString(),
    metadata: booking.metadata,
    icsUid: booking.iCalUID,
    attendees: booking.attendees.map((a) => ({
      name: a.name,
      email: a.email ?? "",
      displayEmail: a.email ?? "",
      timeZone: a.timeZone,
      language: a.language,
      absent: a.absent,
      ...(a.phoneNumber !== null ? { phoneNumber: a.phoneNumber } : {}),
    })),
    guests: booking.guests,
    bookingFieldsResponses: booking.bookingFieldsResponses,
  };
}

/** Event type output (2024-06-14); the real schema has many more fields (calcom.md §4.3 [U]). */
export function eventTypeOutput(store: DoubleStore, eventType: DoubleEventType) {
  const common = {
    id: eventType.id,
    title: eventType.title,
    slug: eventType.slug,
    lengthInMinutes: eventType.lengthInMinutes,
    lengthInMinutesOptions: eventType.lengthInMinutesOptions,
    description: eventType.description ?? "",
    hidden: eventType.hidden,
    slotInterval: eventType.slotInterval,
    minimumBookingNotice: eventType.minimumBookingNotice,
    beforeEventBuffer: eventType.beforeEventBuffer,
    afterEventBuffer: eventType.afterEventBuffer,
    locations: eventType.locations,
    bookingFields: [],
    confirmationPolicy: eventType.requiresConfirmation
      ? { type: "always", blockUnconfirmedBookingsInBooker: false }
      : { disabled: true },
  };
  if (eventType.teamId === null) {
    const owner = eventType.ownerId === null ? undefined : store.users.get(eventType.ownerId);
    return {
      ...common,
      ownerId: eventType.ownerId,
      users: owner === undefined ? [] : [{ id: owner.id, name: owner.name, username: owner.username }],
    };
  }
  return {
    ...common,
    teamId: eventType.teamId,
    schedulingType: eventType.schedulingType,
    hosts: eventType.hosts.map((h) => ({ ...h, name: store.users.get(h.userId)?.name ?? null })),
  };
}

export function webhookOutput(webhook: DoubleWebhook) {
  return {
    id: webhook.id,
    subscriberUrl: webhook.subscriberUrl,
    active: webhook.active,
    triggers: webhook.triggers,
    payloadTemplate: webhook.payloadTemplate,
    secret: webhook.secret,
    ...(webhook.userId !== null ? { userId: webhook.userId } : {}),
    ...(webhook.eventTypeId !== null ? { eventTypeId: webhook.eventTypeId } : {}),
  };
}

/** Cal Video bookings show their room URL in the API; webhooks keep `integrations:daily`. */
function apiLocation(booking: DoubleBooking): string {
  if (booking.location === null || booking.location === "integrations:daily") {
    return `https://app.cal.com/video/${booking.uid}`;
  }
  return booking.location;
}
