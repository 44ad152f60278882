import { z } from "@hono/zod-openapi";
import {
  APPOINTMENT_SOURCES,
  APPOINTMENT_STATUSES,
  type Appointment,
  BOOKING_TYPES,
  type NestedBookingSlot,
} from "../../../../drizzle/schema";
import { InstantSchema } from "../../http/schemas";

export const AppointmentSegmentSchema = z
  .object({
    sequence: z.number().int(),
    key: z.string().nullable(),
    service_id: z.number().int().nullable(),
    staff_id: z.number().int(),
    starts_at: InstantSchema,
    ends_at: InstantSchema,
  })
  .openapi("AppointmentSegment");

export const AppointmentSchema = z
  .object({
    id: z.number().int(),
    uid: z.string().nullable(),
    branch_id: z.number().int(),
    customer_id: z.number().int(),
    staff_id: z.number().int(),
    service_id: z.number().int(),
    starts_at: InstantSchema,
    ends_at: InstantSchema,
    status: z.enum(APPOINTMENT_STATUSES),
    source: z.enum(APPOINTMENT_SOURCES),
    booking_type: z.enum(BOOKING_TYPES),
    price_cents: z.number().int(),
    currency: z.string(),
    is_composite: z.boolean(),
    segments: z.array(AppointmentSegmentSchema),
    parent_appointment_id: z.number().int().nullable(),
    recurring_pattern_id: z.number().int().nullable(),
    occurrence_index: z.number().int().nullable(),
    notes: z.string().nullable(),
    customer_notes: z.string().nullable(),
    calcom_booking_uid: z.string().nullable(),
    cancelled_at: InstantSchema.nullable(),
    cancellation_reason: z.string().nullable(),
    version: z
      .number()
      .int()
      .openapi({ description: "Send it back as expected_version (or If-Match) to change safely" }),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("Appointment");

export type AppointmentOut = z.infer<typeof AppointmentSchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAppointment(
  a: Appointment,
  segments: AppointmentOut["segments"] = [],
): AppointmentOut {
  return {
    id: a.id,
    uid: a.uid,
    branch_id: a.branchId,
    customer_id: a.customerId,
    staff_id: a.staffId,
    service_id: a.serviceId,
    starts_at: a.startsAt.toISOString(),
    ends_at: a.endsAt.toISOString(),
    status: a.status,
    source: a.source,
    booking_type: a.bookingType,
    price_cents: a.priceCents,
    currency: a.currency,
    is_composite: a.isComposite,
    segments,
    parent_appointment_id: a.parentAppointmentId,
    recurring_pattern_id: a.recurringPatternId,
    occurrence_index: a.occurrenceIndex,
    notes: a.notes,
    customer_notes: a.customerNotes,
    calcom_booking_uid: a.calcomBookingUid,
    cancelled_at: iso(a.cancelledAt),
    cancellation_reason: a.cancellationReason,
    version: a.version,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

export function presentSegment(s: NestedBookingSlot): AppointmentOut["segments"][number] {
  return {
    sequence: s.sequence,
    key: s.segmentKey,
    service_id: s.serviceId,
    staff_id: s.staffId,
    starts_at: s.startsAt.toISOString(),
    ends_at: s.endsAt.toISOString(),
  };
}
