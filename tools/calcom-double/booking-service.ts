import { chooseHosts } from "./availability";
import { badRequest, forbidden, notFound } from "./http-errors";
import type { DoubleAttendee, DoubleBooking, DoubleEventType, DoubleUser } from "./model";
import type { DoubleStore } from "./store";
import type { WebhookDispatcher } from "./webhook-dispatcher";

/** Messages read in Cal.com's ErrorsBookingsService_2024_08_13 (calcom.md §2). */
export const BOOKING_MESSAGES = {
  userUnavailable: "User either already has booking at this time or is not available",
  hostsUnavailable: "One of the hosts either already has booking at this time or is not available",
  inThePast: "Attempting to book a meeting in the past.",
  outOfBounds:
    'The event type can\'t be booked at the "start" time provided. This could be because it\'s too soon (violating the minimum booking notice) or too far in the future (outside the event\'s scheduling window). Try fetching available slots first using the GET /v2/slots endpoint and then make a booking with "start" time equal to one of the available slots: https://cal.com/docs/api-reference/v2/slots',
} as const;

const MINUTE = 60_000;

export interface BookingActor {
  /** The authenticated API key's user, or the user a "human" change is attributed to. */
  user: DoubleUser | null;
  /** Skip availability checks: a host booking over a conflict, or a demo forcing a drift. */
  force?: boolean;
}

export interface CreateBookingCommand {
  eventTypeId?: number;
  eventTypeSlug?: string;
  username?: string;
  teamSlug?: string;
  start: string;
  attendee: { name: string; timeZone: string; email?: string; phoneNumber?: string; language?: string };
  guests?: string[];
  metadata?: Record<string, string>;
  location?: string | { type: string; [key: string]: unknown };
  lengthInMinutes?: number;
  bookingFieldsResponses?: Record<string, unknown>;
  /** Routing-form data; `teamMemberIds` narrows a team event type's hosts to these users. */
  routing?: { teamMemberIds?: number[] | undefined };
  allowConflicts?: boolean;
}

/** Booking changes, shared by the v2 API and the control API's "as a human in Cal.com" actions. */
export class BookingService {
  constructor(
    private readonly store: DoubleStore,
    private readonly webhooks: WebhookDispatcher,
    private readonly now: () => number,
    private readonly newUid: () => string,
  ) {}

  find(uid: string): DoubleBooking {
    const booking = this.store.bookings.get(uid);
    // Message text not read in Cal.com's source [U].
    if (booking === undefined) throw notFound(`Booking with uid=${uid} was not found in the database`);
    return booking;
  }

  async create(command: CreateBookingCommand, actor: BookingActor): Promise<DoubleBooking> {
    const eventType = this.resolveEventType(command);
    const length = this.lengthOf(eventType, command.lengthInMinutes);
    const start = Date.parse(command.start);
    const end = start + length * MINUTE;
    const force =
      actor.force === true || (command.allowConflicts === true && this.isHostOf(eventType, actor));
    const routed = routedEventType(eventType, command.routing?.teamMemberIds);
    const hosts = this.checkBookable(routed, start, end, null, force);
    const uid = this.newUid();
    const organizer = this.store.users.get(hosts[0] ?? -1);
    const booking: DoubleBooking = {
      id: this.store.nextId("booking"),
      uid,
      eventTypeId: eventType.id,
      hostUserIds: hosts,
      title: `${eventType.title} between ${organizer?.name ?? "host"} and ${command.attendee.name}`,
      description: null,
      status: eventType.requiresConfirmation ? "pending" : "accepted",
      start,
      end,
      attendees: [attendeeFrom(command.attendee)],
      guests: command.guests ?? [],
      metadata: command.metadata ?? {},
      location: locationText(command.location, eventType),
      bookingFieldsResponses: {
        name: command.attendee.name,
        ...(command.attendee.email ? { email: command.attendee.email } : {}),
        ...command.bookingFieldsResponses,
      },
      cancellationReason: null,
      cancelledByEmail: null,
      rejectionReason: null,
      reschedulingReason: null,
      rescheduledByEmail: null,
      rescheduledFromUid: null,
      rescheduledToUid: null,
      iCalUID: `${uid}@Cal.com`,
      iCalSequence: 0,
      createdAt: this.now(),
      updatedAt: null,
    };
    this.store.bookings.set(uid, booking);
    await this.webhooks.send(booking.status === "pending" ? "BOOKING_REQUESTED" : "BOOKING_CREATED", booking);
    return booking;
  }

  /**
   * A reschedule creates a NEW booking (new uid, `rescheduledFromUid`) and cancels the old one
   * (`rescheduledToUid`); only BOOKING_RESCHEDULED fires, no BOOKING_CANCELLED for the old one
   * (calcom.md §4.1). The new booking keeps the old one's metadata, attendees and iCalUID.
   */
  async reschedule(
    uid: string,
    command: { start: string; rescheduledBy?: string; reschedulingReason?: string; allowConflicts?: boolean },
    actor: BookingActor,
  ): Promise<DoubleBooking> {
    const old = this.find(uid);
    if (old.status === "cancelled" || old.status === "rejected") {
      // The docs say the message names the rescheduled-to uid; the exact text was not read [U].
      const movedTo =
        old.rescheduledToUid === null ? "" : ` It was rescheduled to booking uid=${old.rescheduledToUid}.`;
      throw badRequest(
        `Can't reschedule booking with uid=${uid} because its status is ${old.status}.${movedTo}`,
      );
    }
    const eventType = this.eventTypeOf(old);
    const start = Date.parse(command.start);
    const end = start + (old.end - old.start);
    const force =
      actor.force === true || (command.allowConflicts === true && this.isHostOf(eventType, actor));
    const hosts = this.checkBookable(eventType, start, end, old.uid, force);
    const byEmail = command.rescheduledBy ?? actor.user?.email ?? null;
    const ownerEmails = hosts.map((id) => this.store.users.get(id)?.email);
    // Confirmation-required types re-ask for confirmation unless the owner reschedules (issue #21169).
    const pending = eventType.requiresConfirmation && !ownerEmails.includes(byEmail ?? undefined);
    const newUid = this.newUid();
    const now = this.now();
    const moved: DoubleBooking = {
      ...old,
      id: this.store.nextId("booking"),
      uid: newUid,
      hostUserIds: hosts,
      status: pending ? "pending" : "accepted",
      start,
      end,
      reschedulingReason: command.reschedulingReason ?? null,
      rescheduledByEmail: byEmail,
      rescheduledFromUid: old.uid,
      rescheduledToUid: null,
      cancellationReason: null,
      cancelledByEmail: null,
      iCalSequence: old.iCalSequence + 1,
      createdAt: now,
      updatedAt: null,
    };
    old.status = "cancelled";
    old.rescheduledToUid = newUid;
    old.rescheduledByEmail = byEmail;
    old.reschedulingReason = command.reschedulingReason ?? null;
    old.updatedAt = now;
    this.store.bookings.set(newUid, moved);
    await this.webhooks.send(pending ? "BOOKING_REQUESTED" : "BOOKING_RESCHEDULED", moved, {
      rescheduledFrom: old,
      rescheduledBy: byEmail,
    });
    return moved;
  }

  async cancel(
    uid: string,
    command: { cancellationReason?: string; cancelledBy?: string },
    actor: BookingActor,
  ): Promise<DoubleBooking> {
    const booking = this.find(uid);
    // Text from Cal.com's cancel handler as remembered, not re-read [U].
    if (booking.status === "cancelled") throw badRequest("This booking has already been cancelled.");
    const by = command.cancelledBy ?? actor.user?.email ?? null;
    booking.status = "cancelled";
    booking.cancellationReason = command.cancellationReason ?? null;
    booking.cancelledByEmail = by;
    booking.updatedAt = this.now();
    // Every change of the calendar event bumps the iCal sequence, so late deliveries can be ordered [U].
    booking.iCalSequence += 1;
    await this.webhooks.send("BOOKING_CANCELLED", booking, { cancelledBy: by });
    return booking;
  }

  /** Accepting a pending booking fires BOOKING_CREATED: there is no BOOKING_CONFIRMED (calcom.md §5.1). */
  async confirm(uid: string, actor: BookingActor): Promise<DoubleBooking> {
    const booking = this.pendingOwnedBy(uid, actor);
    booking.status = "accepted";
    booking.updatedAt = this.now();
    await this.webhooks.send("BOOKING_CREATED", booking);
    return booking;
  }

  async decline(uid: string, reason: string | undefined, actor: BookingActor): Promise<DoubleBooking> {
    const booking = this.pendingOwnedBy(uid, actor);
    booking.status = "rejected";
    booking.rejectionReason = reason ?? null;
    booking.updatedAt = this.now();
    await this.webhooks.send("BOOKING_REJECTED", booking);
    return booking;
  }

  private pendingOwnedBy(uid: string, actor: BookingActor): DoubleBooking {
    const booking = this.find(uid);
    const eventType = this.eventTypeOf(booking);
    const isOwner =
      actor.force === true ||
      (actor.user !== null &&
        (booking.hostUserIds.includes(actor.user.id) ||
          (eventType.teamId !== null && this.store.isTeamAdmin(eventType.teamId, actor.user.id))));
    if (!isOwner) throw forbidden(`User is not the owner of booking with uid=${uid}`);
    if (booking.status !== "pending") {
      throw badRequest(`Booking with uid=${uid} is not pending; its status is ${booking.status}.`);
    }
    return booking;
  }

  private resolveEventType(command: CreateBookingCommand): DoubleEventType {
    if (command.eventTypeId !== undefined) {
      const found = this.store.eventTypes.get(command.eventTypeId);
      if (found === undefined) throw notFound(`Event type with id ${command.eventTypeId} not found.`);
      return found;
    }
    const slug = command.eventTypeSlug ?? "";
    if (command.username !== undefined) {
      const owner = this.store.userByUsername(command.username);
      const found = [...this.store.eventTypes.values()].find(
        (e) => e.slug === slug && e.ownerId === owner?.id,
      );
      if (found === undefined) {
        throw notFound(`Event type with slug ${slug} belonging to user ${command.username} not found.`);
      }
      return found;
    }
    const team = this.store.teamBySlug(command.teamSlug ?? "");
    const found = [...this.store.eventTypes.values()].find((e) => e.slug === slug && e.teamId === team?.id);
    if (found === undefined)
      throw notFound(`Event type with slug ${slug} belonging to team ${command.teamSlug} not found.`);
    return found;
  }

  private eventTypeOf(booking: DoubleBooking): DoubleEventType {
    const eventType = this.store.eventTypes.get(booking.eventTypeId);
    if (eventType === undefined) throw notFound(`Event type with id ${booking.eventTypeId} not found.`);
    return eventType;
  }

  private lengthOf(eventType: DoubleEventType, requested: number | undefined): number {
    if (requested === undefined || requested === eventType.lengthInMinutes) return eventType.lengthInMinutes;
    if (!eventType.lengthInMinutesOptions.includes(requested)) {
      throw badRequest(
        `Provided lengthInMinutes=${requested} is not one of the possible lengths for the event type: ${eventType.lengthInMinutesOptions.join(", ")}`,
      );
    }
    return requested;
  }

  /** A host of the event type, or an admin or owner of its team. */
  private isHostOf(eventType: DoubleEventType, actor: BookingActor): boolean {
    if (actor.user === null) return false;
    const userId = actor.user.id;
    if (eventType.teamId === null) return eventType.ownerId === userId;
    if (eventType.hosts.some((h) => h.userId === userId)) return true;
    const team = this.store.teams.get(eventType.teamId);
    return team?.members.some((m) => m.userId === userId && m.role !== "MEMBER") ?? false;
  }

  /** Cal.com's booking-time checks, in its order: past, notice window, then host availability. */
  private checkBookable(
    eventType: DoubleEventType,
    start: number,
    end: number,
    ignoreUid: string | null,
    force: boolean,
  ): number[] {
    const now = this.now();
    if (start < now) throw badRequest(BOOKING_MESSAGES.inThePast);
    if (!force && start < now + eventType.minimumBookingNotice * MINUTE)
      throw badRequest(BOOKING_MESSAGES.outOfBounds);
    if (force) return this.defaultHosts(eventType);
    const hosts = chooseHosts(this.store, eventType, start, end, ignoreUid);
    if (hosts !== null) return hosts;
    throw badRequest(
      eventType.teamId === null ? BOOKING_MESSAGES.userUnavailable : BOOKING_MESSAGES.hostsUnavailable,
    );
  }

  private defaultHosts(eventType: DoubleEventType): number[] {
    if (eventType.teamId === null) return eventType.ownerId === null ? [] : [eventType.ownerId];
    if (eventType.schedulingType === "collective") return eventType.hosts.map((h) => h.userId);
    const first = eventType.hosts[0];
    return first === undefined ? [] : [first.userId];
  }
}

/** The event type as the routing left it: only the routed team members host it. */
function routedEventType(eventType: DoubleEventType, teamMemberIds: number[] | undefined): DoubleEventType {
  if (eventType.teamId === null || teamMemberIds === undefined || teamMemberIds.length === 0)
    return eventType;
  const hosts = eventType.hosts.filter((h) => teamMemberIds.includes(h.userId));
  return hosts.length === 0 ? eventType : { ...eventType, hosts };
}

function attendeeFrom(input: CreateBookingCommand["attendee"]): DoubleAttendee {
  return {
    name: input.name,
    email: input.email ?? null,
    timeZone: input.timeZone,
    language: input.language ?? "en",
    phoneNumber: input.phoneNumber ?? null,
    absent: false,
  };
}

/** Location as Cal.com stores it: the address/link itself, or `integrations:<app>`; Cal Video by default. */
function locationText(location: CreateBookingCommand["location"], eventType: DoubleEventType): string {
  const chosen = location ?? eventType.locations[0];
  if (chosen === undefined) return "integrations:daily";
  if (typeof chosen === "string") return chosen;
  for (const key of ["address", "link", "phone", "url"]) {
    const value = chosen[key];
    if (typeof value === "string") return value;
  }
  const integration = chosen.integration;
  if (typeof integration === "string")
    return integration === "cal-video" ? "integrations:daily" : `integrations:${integration}`;
  return "integrations:daily";
}
