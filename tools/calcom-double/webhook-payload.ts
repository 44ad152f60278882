import type { DoubleBooking } from "./model";
import type { DoubleStore } from "./store";
import { utcOffsetMinutes } from "./time-zones";

export type BookingTrigger =
  | "BOOKING_CREATED"
  | "BOOKING_RESCHEDULED"
  | "BOOKING_CANCELLED"
  | "BOOKING_REJECTED"
  | "BOOKING_REQUESTED";

/** What only some triggers carry: the old booking of a reschedule, cancel and reject details. */
export interface TriggerDetails {
  rescheduledFrom?: DoubleBooking;
  rescheduledBy?: string | null;
  cancelledBy?: string | null;
}

/** ISO UTC without millis, as in Cal.com's examples; receivers must accept any ISO-8601 form. */
const iso = (instant: number) => new Date(instant).toISOString().replace(".000Z", "Z");

/**
 * The booking payload of BOOKING_* webhooks (calcom.md §5.5): UPPERCASE status, `uid` of the
 * (new) booking, API metadata merged with Cal.com's `videoCallUrl`.
 */
export function bookingWebhookPayload(
  store: DoubleStore,
  booking: DoubleBooking,
  trigger: BookingTrigger,
  details: TriggerDetails = {},
): Record<string, unknown> {
  const eventType = store.eventTypes.get(booking.eventTypeId);
  const organizer = store.users.get(booking.hostUserIds[0] ?? -1);
  const team = eventType?.teamId == null ? undefined : store.teams.get(eventType.teamId);
  const primary = booking.attendees[0];
  const location = booking.location ?? "integrations:daily";
  const payload: Record<string, unknown> = {
    type: eventType?.slug ?? "",
    title: booking.title,
    eventTitle: eventType?.title ?? "",
    description: booking.description ?? "",
    additionalNotes: booking.description ?? "",
    customInputs: {},
    startTime: iso(booking.start),
    endTime: iso(booking.end),
    organizer:
      organizer === undefined
        ? null
        : {
            id: organizer.id,
            name: organizer.name,
            email: organizer.email,
            username: organizer.username,
            timeZone: organizer.timeZone,
            language: { locale: "en" },
            timeFormat: "h:mma",
            utcOffset: utcOffsetMinutes(booking.start, organizer.timeZone),
          },
    responses: {
      name: { label: "your_name", value: primary?.name ?? "" },
      email: { label: "email_address", value: primary?.email ?? "" },
      location: { label: "location", value: { optionValue: "", value: location } },
      guests: { label: "additional_guests", value: booking.guests },
      ...(details.rescheduledFrom?.reschedulingReason
        ? {
            rescheduleReason: {
              label: "reschedule_reason",
              value: details.rescheduledFrom.reschedulingReason,
            },
          }
        : {}),
    },
    userFieldsResponses: {},
    attendees: [
      ...booking.attendees.map((a) => ({
        email: a.email ?? "",
        name: a.name,
        firstName: "",
        lastName: "",
        timeZone: a.timeZone,
        ...(a.phoneNumber !== null ? { phoneNumber: a.phoneNumber } : {}),
        language: { locale: a.language },
        utcOffset: utcOffsetMinutes(booking.start, a.timeZone),
      })),
      ...booking.guests.map((email) => ({
        email,
        name: "",
        firstName: "",
        lastName: "",
        timeZone: primary?.timeZone ?? "UTC",
        language: { locale: "en" },
        utcOffset: utcOffsetMinutes(booking.start, primary?.timeZone ?? "UTC"),
      })),
    ],
    location,
    destinationCalendar: null,
    hideCalendarNotes: false,
    requiresConfirmation: eventType?.requiresConfirmation ?? false,
    eventTypeId: booking.eventTypeId,
    seatsShowAttendees: true,
    seatsPerTimeSlot: null,
    schedulingType:
      eventType?.schedulingType === "roundRobin" ? "ROUND_ROBIN" : (eventType?.schedulingType ?? null),
    ...(team === undefined
      ? {}
      : {
          team: {
            id: team.id,
            name: team.name,
            members: booking.hostUserIds.slice(1).flatMap((id) => {
              const member = store.users.get(id);
              return member === undefined
                ? []
                : [{ id: member.id, name: member.name, email: member.email, timeZone: member.timeZone }];
            }),
          },
        }),
    iCalUID: booking.iCalUID,
    iCalSequence: booking.iCalSequence,
    uid: booking.uid,
    bookingId: booking.id,
    length: Math.round((booking.end - booking.start) / 60_000),
    price: 0,
    currency: "usd",
    metadata: {
      ...(location === "integrations:daily"
        ? { videoCallUrl: `https://app.cal.com/video/${booking.uid}` }
        : {}),
      ...booking.metadata,
    },
    status: booking.status.toUpperCase(),
  };
  if (trigger === "BOOKING_RESCHEDULED" && details.rescheduledFrom !== undefined) {
    const old = details.rescheduledFrom;
    payload.rescheduleUid = old.uid;
    payload.rescheduleId = old.id;
    payload.rescheduleStartTime = iso(old.start);
    payload.rescheduleEndTime = iso(old.end);
    payload.rescheduledBy = details.rescheduledBy ?? null;
  }
  if (trigger === "BOOKING_CANCELLED") {
    payload.cancellationReason = booking.cancellationReason;
    payload.cancelledBy = details.cancelledBy ?? null;
    payload.requestReschedule = false;
  }
  if (trigger === "BOOKING_REJECTED") payload.rejectionReason = booking.rejectionReason;
  return payload;
}
