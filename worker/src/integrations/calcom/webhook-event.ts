import { z } from "zod";
import { calcomMetadataOutputSchema, isoInstantSchema } from "./schemas/common";

/**
 * The body of the booking webhooks the sync consumes (calcom.md §5.4–5.5). Statuses are
 * UPPERCASE here, unlike the API. Only fields the sync relies on are declared; the rest is kept
 * (loose objects) so a stored payload stays complete.
 */
const personSchema = z.looseObject({
  name: z.string().nullish(),
  email: z.string().nullish(),
  timeZone: z.string().nullish(),
});

export const calcomBookingWebhookPayloadSchema = z.looseObject({
  /** Booking uid; on BOOKING_RESCHEDULED the NEW booking's uid. */
  uid: z.string().min(1),
  bookingId: z.number().int().nullish(),
  eventTypeId: z.number().int().nullish(),
  /** Event type slug. */
  type: z.string().nullish(),
  title: z.string().nullish(),
  startTime: isoInstantSchema,
  endTime: isoInstantSchema,
  length: z.number().nullish(),
  status: z.enum(["ACCEPTED", "PENDING", "CANCELLED", "REJECTED", "AWAITING_HOST"]).nullish(),
  organizer: personSchema.extend({ id: z.number().int().nullish() }).nullish(),
  attendees: z.array(personSchema).default([]),
  /** Booking metadata including our `platform_appointment_id` (and Cal.com's `videoCallUrl`). */
  metadata: calcomMetadataOutputSchema.nullish(),
  iCalUID: z.string().nullish(),
  /** Increments with every change of the booking: lets late deliveries be ignored. */
  iCalSequence: z.number().int().nullish(),
  /** BOOKING_RESCHEDULED: the OLD booking. */
  rescheduleUid: z.string().nullish(),
  rescheduleId: z.number().int().nullish(),
  rescheduleStartTime: z.string().nullish(),
  rescheduleEndTime: z.string().nullish(),
  rescheduledBy: z.string().nullish(),
  cancellationReason: z.string().nullish(),
  cancelledBy: z.string().nullish(),
  rejectionReason: z.string().nullish(),
});

export const CALCOM_BOOKING_WEBHOOK_TRIGGERS = [
  "BOOKING_CREATED",
  "BOOKING_RESCHEDULED",
  "BOOKING_CANCELLED",
  "BOOKING_REJECTED",
  "BOOKING_REQUESTED",
] as const;

export const calcomBookingWebhookSchema = z.object({
  triggerEvent: z.enum(CALCOM_BOOKING_WEBHOOK_TRIGGERS),
  /** When Cal.com built the delivery, not when the booking changed. */
  createdAt: isoInstantSchema,
  payload: calcomBookingWebhookPayloadSchema,
});

export type CalcomBookingWebhook = z.infer<typeof calcomBookingWebhookSchema>;
export type CalcomBookingWebhookTrigger = (typeof CALCOM_BOOKING_WEBHOOK_TRIGGERS)[number];
