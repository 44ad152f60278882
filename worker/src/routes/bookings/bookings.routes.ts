import { createRoute, z } from "@hono/zod-openapi";
import { APPOINTMENT_SOURCES } from "../../../../drizzle/schema";
import { IdParamSchema, InstantSchema, standardErrors } from "../../http/schemas";
import { idempotent } from "../../middleware/idempotency";
import { guard, SECURED } from "../guards";
import { CompositeServiceIdSchema, CompositeServiceListSchema } from "../scheduling-fields";
import { AppointmentSchema } from "./appointment-schema";
import {
  CHANGE_LIMIT,
  CREATE_LIMIT,
  conflict,
  IdempotencyHeader,
  json,
  PolicyDecisionSchema,
} from "./route-parts";

/** Seed §7.4: create 30/min, reschedule 10/min, cancel 10/min per caller. */
export const CreateBookingSchema = z
  .object({
    customer_id: z.number().int().positive(),
    service_id: z.number().int().positive(),
    staff_id: z.number().int().positive(),
    branch_id: z.number().int().positive().optional(),
    starts_at: InstantSchema,
    source: z.enum(APPOINTMENT_SOURCES).default("api"),
    status: z.enum(["pending", "confirmed"]).default("confirmed"),
    notes: z.string().max(2000).nullable().optional(),
    customer_notes: z.string().max(2000).nullable().optional(),
    hold_id: z
      .string()
      .max(80)
      .optional()
      .openapi({ description: "A hold taken for this slot (POST /api/v2/holds)" }),
  })
  .strict()
  .openapi("CreateBooking", {
    example: {
      customer_id: 123,
      service_id: 42,
      staff_id: 12,
      branch_id: 5,
      starts_at: "2026-12-05T14:00:00+01:00",
      source: "api",
      notes: "Allergien: Keine",
    },
  });

export const BookingResultSchema = z
  .object({
    success: z.literal(true),
    appointment_id: z.number().int(),
    appointment: AppointmentSchema,
    calcom_booking_id: z
      .string()
      .nullable()
      .openapi({ description: "Filled once the Cal.com push has happened" }),
    confirmation_sent: z.boolean(),
  })
  .openapi("BookingResult");

export const createBookingRoute = createRoute({
  method: "post",
  path: "/api/v2/bookings",
  operationId: "createBooking",
  tags: ["Bookings"],
  summary:
    "Book an appointment (conflict-free; 409 APPOINTMENT_CONFLICT with the next free slots when taken)",
  security: SECURED,
  middleware: [...guard("create_appointments", [CREATE_LIMIT]), idempotent],
  request: { headers: IdempotencyHeader, body: { required: true, content: json(CreateBookingSchema) } },
  responses: {
    201: { description: "Booked", content: json(BookingResultSchema) },
    ...standardErrors,
    409: conflict,
  },
});

export const getBookingRoute = createRoute({
  method: "get",
  path: "/api/v2/bookings/{id}",
  operationId: "getBooking",
  tags: ["Bookings"],
  summary: "Get an appointment",
  security: SECURED,
  middleware: guard("view_appointments"),
  request: { params: IdParamSchema },
  responses: {
    200: {
      description: "The appointment",
      content: json(z.object({ success: z.literal(true), data: AppointmentSchema })),
    },
    401: standardErrors[401],
    403: standardErrors[403],
    404: standardErrors[404],
  },
});

const versionField = {
  expected_version: z
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: "The version you last saw; a stale one is refused with 409 VERSION_CONFLICT" }),
};

export const RescheduleSchema = z
  .object({
    new_starts_at: InstantSchema,
    new_staff_id: z.number().int().positive().optional(),
    reason: z.string().max(500).optional(),
    ...versionField,
  })
  .strict()
  .openapi("RescheduleBooking", {
    example: { new_starts_at: "2026-12-06T15:00:00+01:00", reason: "Customer Request" },
  });

export const rescheduleBookingRoute = createRoute({
  method: "patch",
  path: "/api/v2/bookings/{id}/reschedule",
  operationId: "rescheduleBooking",
  tags: ["Bookings"],
  summary: "Move an appointment (policy-checked, conflict-free)",
  security: SECURED,
  middleware: [...guard("edit_appointments", [CHANGE_LIMIT]), idempotent],
  request: {
    params: IdParamSchema,
    headers: IdempotencyHeader,
    body: { required: true, content: json(RescheduleSchema) },
  },
  responses: {
    200: {
      description: "Moved",
      content: json(
        z
          .object({
            success: z.literal(true),
            appointment_id: z.number().int(),
            old_time: InstantSchema,
            new_time: InstantSchema,
            policy_check: z.enum(["passed", "violation"]),
            policy: PolicyDecisionSchema,
            appointment: AppointmentSchema,
          })
          .openapi("RescheduleResult"),
      ),
    },
    ...standardErrors,
    409: conflict,
  },
});

export const CancelSchema = z
  .object({
    reason: z.string().max(500).optional(),
    notify_customer: z.boolean().default(true),
    ...versionField,
  })
  .strict()
  .openapi("CancelBooking", { example: { reason: "Customer Sick", notify_customer: true } });

export const cancelBookingRoute = createRoute({
  method: "delete",
  path: "/api/v2/bookings/{id}",
  operationId: "cancelBooking",
  tags: ["Bookings"],
  summary: "Cancel an appointment (policy-checked; the time becomes free at once)",
  security: SECURED,
  middleware: [...guard("edit_appointments", [CHANGE_LIMIT]), idempotent],
  request: {
    params: IdParamSchema,
    headers: IdempotencyHeader,
    body: { required: false, content: json(CancelSchema) },
  },
  responses: {
    200: {
      description: "Cancelled",
      content: json(
        z
          .object({
            success: z.literal(true),
            refund_eligible: z.boolean(),
            policy_violation: z.boolean(),
            cancellation_fee: z.number().int().openapi({ description: "Cents" }),
            policy: PolicyDecisionSchema,
            appointment: AppointmentSchema,
          })
          .openapi("CancelResult"),
      ),
    },
    ...standardErrors,
    409: conflict,
  },
});

export const TRANSITIONS = ["confirm", "start", "complete", "no_show"] as const;
export type Transition = (typeof TRANSITIONS)[number];

export function transitionRoute(action: Transition) {
  return createRoute({
    method: "post",
    path: `/api/v2/bookings/{id}/${action}`,
    operationId: `${action.replace(/_(\w)/, (_, c: string) => c.toUpperCase())}Booking`,
    tags: ["Bookings"],
    summary: `Status: ${action.replace("_", " ")} (invalid transitions are refused with 409)`,
    security: SECURED,
    middleware: [...guard("edit_appointments"), idempotent],
    request: {
      params: IdParamSchema,
      headers: IdempotencyHeader,
      body: { required: false, content: json(z.object(versionField).strict().openapi("StatusChange")) },
    },
    responses: {
      200: {
        description: "Changed",
        content: json(z.object({ success: z.literal(true), appointment: AppointmentSchema })),
      },
      ...standardErrors,
      409: conflict,
    },
  });
}

export const CreateCompositeBookingSchema = z
  .object({
    customer_id: z.number().int().positive(),
    branch_id: z.number().int().positive(),
    service_id: CompositeServiceIdSchema.optional(),
    services: CompositeServiceListSchema.optional(),
    staff_id: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: "Preferred staff member for every segment" }),
    starts_at: InstantSchema,
    source: z.enum(APPOINTMENT_SOURCES).default("api"),
    notes: z.string().max(2000).nullable().optional(),
  })
  .strict()
  .refine((r) => (r.service_id === undefined) !== (r.services === undefined), {
    message: "Give either service_id (a composite service) or services",
    path: ["services"],
  })
  .openapi("CreateCompositeBooking", {
    example: { customer_id: 123, branch_id: 1, service_id: 12, starts_at: "2026-12-05T10:00:00+01:00" },
  });

export const createCompositeBookingRoute = createRoute({
  method: "post",
  path: "/api/v2/bookings/composite",
  operationId: "createCompositeBooking",
  tags: ["Bookings"],
  summary: "Book a composite appointment across several calendars, all or nothing",
  security: SECURED,
  middleware: [...guard("create_appointments", [CREATE_LIMIT]), idempotent],
  request: {
    headers: IdempotencyHeader,
    body: { required: true, content: json(CreateCompositeBookingSchema) },
  },
  responses: {
    201: { description: "Booked", content: json(BookingResultSchema) },
    ...standardErrors,
    409: conflict,
  },
});

export const EditBookingSchema = z
  .object({
    notes: z.string().max(2000).nullable().optional(),
    customer_notes: z.string().max(2000).nullable().optional(),
    internal_notes: z.string().max(5000).nullable().optional(),
    expected_version: z
      .number()
      .int()
      .positive()
      .openapi({ description: "Required: the version you last saw" }),
  })
  .strict()
  .openapi("EditBooking", { example: { internal_notes: "Kundin wünscht Tee", expected_version: 3 } });

export const editBookingRoute = createRoute({
  method: "patch",
  path: "/api/v2/bookings/{id}",
  operationId: "editBooking",
  tags: ["Bookings"],
  summary: "Edit an appointment's notes (optimistic concurrency: a stale version is refused with 409)",
  security: SECURED,
  middleware: guard("edit_appointments"),
  request: { params: IdParamSchema, body: { required: true, content: json(EditBookingSchema) } },
  responses: {
    200: {
      description: "Edited",
      content: json(z.object({ success: z.literal(true), appointment: AppointmentSchema })),
    },
    ...standardErrors,
    409: conflict,
  },
});
