import { z } from "zod";
import { calcomMetadataInputSchema, calcomMetadataOutputSchema, isoInstantSchema } from "./common";

/** Booking status as the API spells it (lowercase; webhooks use uppercase). */
export const calcomBookingStatusSchema = z.enum([
  "accepted",
  "pending",
  "cancelled",
  "rejected",
  "awaiting_host",
]);

const hostSchema = z.object({
  id: z.number().int(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  displayEmail: z.string().nullish(),
  username: z.string().nullish(),
  timeZone: z.string().nullish(),
});

const attendeeSchema = z.object({
  name: z.string(),
  email: z.string().nullish(),
  displayEmail: z.string().nullish(),
  timeZone: z.string(),
  language: z.string().nullish(),
  absent: z.boolean().nullish(),
  phoneNumber: z.string().nullish(),
});

/**
 * BookingOutput_2024_08_13 (also what 2026-02-25 returns). Only `id`, `uid`, `status`, `start` and
 * `end` are required: the sync cannot work without them, everything else is informative.
 */
export const calcomBookingSchema = z.object({
  id: z.number().int(),
  uid: z.string().min(1),
  title: z.string().nullish(),
  description: z.string().nullish(),
  hosts: z.array(hostSchema).default([]),
  status: calcomBookingStatusSchema,
  cancellationReason: z.string().nullish(),
  cancelledByEmail: z.string().nullish(),
  reschedulingReason: z.string().nullish(),
  rescheduledByEmail: z.string().nullish(),
  rescheduledFromUid: z.string().nullish(),
  rescheduledToUid: z.string().nullish(),
  start: isoInstantSchema,
  end: isoInstantSchema,
  duration: z.number().nullish(),
  eventTypeId: z.number().int().nullish(),
  eventType: z.object({ id: z.number().int(), slug: z.string().nullish() }).nullish(),
  location: z.string().nullish(),
  meetingUrl: z.string().nullish(),
  absentHost: z.boolean().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  metadata: calcomMetadataOutputSchema.nullish(),
  icsUid: z.string().nullish(),
  attendees: z.array(attendeeSchema).default([]),
  guests: z.array(z.string()).nullish(),
  bookingFieldsResponses: z.record(z.string(), z.unknown()).nullish(),
  recurringBookingUid: z.string().nullish(),
});

const attendeeInputSchema = z
  .object({
    name: z.string().min(1),
    /** IANA zone of the attendee; Cal.com requires it. */
    timeZone: z.string().min(1),
    email: z.email().optional(),
    /** E.164. */
    phoneNumber: z.string().optional(),
    language: z.string().optional(),
  })
  // Cal.com refuses an attendee it cannot contact; checking here saves a round trip.
  .refine((attendee) => attendee.email !== undefined || attendee.phoneNumber !== undefined, {
    message: "Attendee must have at least one contact method (email or phone number)",
  });

const locationInputSchema = z.union([z.string(), z.looseObject({ type: z.string() })]);

/** CreateBookingInput_2024_08_13 without recurring and seated variants (the platform books single slots). */
export const createBookingInputSchema = z
  .object({
    /** UTC instant. There is no `end`: Cal.com derives it from the event type's length. */
    start: isoInstantSchema,
    eventTypeId: z.number().int().positive().optional(),
    eventTypeSlug: z.string().optional(),
    username: z.string().optional(),
    teamSlug: z.string().optional(),
    organizationSlug: z.string().optional(),
    attendee: attendeeInputSchema,
    guests: z.array(z.email()).optional(),
    location: locationInputSchema.optional(),
    bookingFieldsResponses: z.record(z.string(), z.unknown()).optional(),
    metadata: calcomMetadataInputSchema.optional(),
    lengthInMinutes: z.number().int().min(1).optional(),
    /**
     * Routing-form data. `teamMemberIds` narrows a round-robin team event type to these hosts: the
     * platform uses it to book the staff member it chose (calcom.md §6.2 "routing … filters").
     */
    routing: z.looseObject({ teamMemberIds: z.array(z.number().int()).optional() }).optional(),
    /** Host-authenticated calls only; Cal.com ignores them otherwise. */
    allowConflicts: z.boolean().optional(),
    allowBookingOutOfBounds: z.boolean().optional(),
    skipBookingLimits: z.boolean().optional(),
  })
  .refine(
    (input) =>
      input.eventTypeId !== undefined ||
      (input.eventTypeSlug !== undefined && (input.username !== undefined || input.teamSlug !== undefined)),
    {
      message: "Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided",
    },
  );

/**
 * RescheduleBookingInput. It has no `metadata` field: the new booking keeps the old one's
 * metadata, so our appointment id survives a reschedule without being re-sent.
 */
export const rescheduleBookingInputSchema = z.object({
  start: isoInstantSchema,
  /** Email of who reschedules; the owner's email skips re-confirmation on confirmation-required types. */
  rescheduledBy: z.email().optional(),
  reschedulingReason: z.string().optional(),
  allowConflicts: z.boolean().optional(),
});

export const cancelBookingInputSchema = z.object({
  cancellationReason: z.string().optional(),
  cancelSubsequentBookings: z.boolean().optional(),
});

export const declineBookingInputSchema = z.object({ reason: z.string().optional() });

/** `status` values of the 2024-08-13 list filter (not booking statuses: they are time-and-state buckets). */
export const calcomBookingListStatusSchema = z.enum([
  "upcoming",
  "recurring",
  "past",
  "cancelled",
  "unconfirmed",
]);

/** Page size limits of the take/skip list (calcom.md §4.1): take 1–250, default 100. */
export const BOOKING_LIST_MAX_TAKE = 250;

const sortSchema = z.enum(["asc", "desc"]);
const instantFilterSchema = z.union([isoInstantSchema, z.date()]);

/** GetBookingsInput_2024_08_13: the filters drift detection needs, plus paging and sorting. */
export const listBookingsQuerySchema = z.object({
  status: z.array(calcomBookingListStatusSchema).optional(),
  attendeeEmail: z.string().optional(),
  attendeeName: z.string().optional(),
  bookingUid: z.string().optional(),
  eventTypeIds: z.array(z.number().int()).optional(),
  eventTypeId: z.number().int().optional(),
  teamsIds: z.array(z.number().int()).optional(),
  teamId: z.number().int().optional(),
  afterStart: instantFilterSchema.optional(),
  beforeEnd: instantFilterSchema.optional(),
  afterCreatedAt: instantFilterSchema.optional(),
  beforeCreatedAt: instantFilterSchema.optional(),
  afterUpdatedAt: instantFilterSchema.optional(),
  beforeUpdatedAt: instantFilterSchema.optional(),
  sortStart: sortSchema.optional(),
  sortEnd: sortSchema.optional(),
  sortCreated: sortSchema.optional(),
  sortUpdatedAt: sortSchema.optional(),
  take: z.number().int().min(1).max(BOOKING_LIST_MAX_TAKE).optional(),
  skip: z.number().int().min(0).optional(),
});

export type CalcomBooking = z.infer<typeof calcomBookingSchema>;
export type CalcomBookingStatus = z.infer<typeof calcomBookingStatusSchema>;
export type CreateCalcomBookingInput = z.input<typeof createBookingInputSchema>;
export type RescheduleCalcomBookingInput = z.input<typeof rescheduleBookingInputSchema>;
export type CancelCalcomBookingInput = z.input<typeof cancelBookingInputSchema>;
export type DeclineCalcomBookingInput = z.input<typeof declineBookingInputSchema>;
export type ListCalcomBookingsQuery = z.input<typeof listBookingsQuerySchema>;
export type CalcomBookingListStatus = z.infer<typeof calcomBookingListStatusSchema>;
