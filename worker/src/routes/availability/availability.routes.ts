import { createRoute, z } from "@hono/zod-openapi";
import { InstantSchema, LocalDateSchema, standardErrors } from "../../http/schemas";
import { guard, SECURED } from "../guards";
import { CompositeServiceIdSchema, CompositeServiceListSchema, fiveMinuteSteps } from "../scheduling-fields";

/** Seed §8.6: availability 60 requests per minute per caller. */
const AVAILABILITY_LIMIT = { name: "availability", limit: 60, windowSeconds: 60 };

export const SimpleAvailabilityRequestSchema = z
  .object({
    date: LocalDateSchema.openapi({ description: "First local date (branch time zone)" }),
    days: z.number().int().min(1).max(31).default(1).openapi({ description: "Number of days from date" }),
    service_id: z.number().int().positive(),
    staff_id: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: "Omit for any qualified staff member" }),
    branch_id: z.number().int().positive().optional(),
    duration_minutes: fiveMinuteSteps(5, 720)
      .optional()
      .openapi({ description: "Overrides the service's duration" }),
  })
  .strict()
  .refine((r) => r.staff_id !== undefined || r.branch_id !== undefined, {
    message: "Give staff_id, or branch_id to search every qualified staff member there",
    path: ["branch_id"],
  })
  .openapi("SimpleAvailabilityRequest", {
    example: { date: "2026-12-01", service_id: 2, branch_id: 1, days: 1 },
  });

export const AvailableSlotSchema = z
  .object({
    date: z.string().openapi({ example: "2026-12-01" }),
    start: z.string().openapi({ example: "09:00", description: "Local time in the branch's zone" }),
    end: z.string().openapi({ example: "09:30" }),
    starts_at: InstantSchema,
    ends_at: InstantSchema,
    staff_ids: z.array(z.number().int()),
  })
  .openapi("AvailableSlot");

export const SimpleAvailabilityResponseSchema = z
  .object({
    success: z.literal(true),
    available: z.boolean(),
    time_zone: z.string(),
    branch_id: z.number().int().nullable(),
    service_id: z.number().int(),
    duration_minutes: z.number().int(),
    staff: z.array(z.object({ id: z.number().int(), name: z.string() })),
    slots: z.array(AvailableSlotSchema),
  })
  .openapi("SimpleAvailabilityResponse");

export const CompositeAvailabilityRequestSchema = z
  .object({
    date: LocalDateSchema,
    days: z.number().int().min(1).max(14).default(1),
    service_id: CompositeServiceIdSchema.optional(),
    services: CompositeServiceListSchema.optional().openapi({
      description: "Or: the ordered services to combine",
    }),
    staff_id: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: "Preferred staff member for every segment" }),
    branch_id: z.number().int().positive(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((r) => (r.service_id === undefined) !== (r.services === undefined), {
    message: "Give either service_id (a composite service) or services",
    path: ["services"],
  })
  .openapi("CompositeAvailabilityRequest", {
    example: {
      date: "2026-12-01",
      branch_id: 1,
      services: [
        { service_id: 1, duration: 30 },
        { service_id: 2, duration: 45 },
      ],
    },
  });

export const CompositeSlotSchema = z
  .object({
    date: z.string(),
    start: z.string(),
    end: z.string(),
    starts_at: InstantSchema,
    ends_at: InstantSchema,
    segments: z.array(
      z.object({
        key: z.string(),
        service_id: z.number().int().nullable(),
        staff_id: z.number().int(),
        start: z.string(),
        end: z.string(),
        starts_at: InstantSchema,
        ends_at: InstantSchema,
      }),
    ),
  })
  .openapi("CompositeSlot");

export const CompositeAvailabilityResponseSchema = z
  .object({
    success: z.literal(true),
    available: z.boolean(),
    time_zone: z.string(),
    total_duration: z.number().int().openapi({
      description: "Minutes from the first segment's start to the last one's end (minimal gaps)",
    }),
    slots: z.array(CompositeSlotSchema),
  })
  .openapi("CompositeAvailabilityResponse");

export const simpleAvailabilityRoute = createRoute({
  method: "post",
  path: "/api/v2/availability/simple",
  operationId: "simpleAvailability",
  tags: ["Availability"],
  summary: "Free slots for one service, one staff member or any qualified one",
  security: SECURED,
  middleware: guard("view_appointments", [AVAILABILITY_LIMIT]),
  request: {
    body: { required: true, content: { "application/json": { schema: SimpleAvailabilityRequestSchema } } },
  },
  responses: {
    200: {
      description: "Free slots",
      content: { "application/json": { schema: SimpleAvailabilityResponseSchema } },
    },
    ...standardErrors,
  },
});

export const compositeAvailabilityRoute = createRoute({
  method: "post",
  path: "/api/v2/availability/composite",
  operationId: "compositeAvailability",
  tags: ["Availability"],
  summary: "Free starts for a sequence of services (e.g. wash, colour with processing time, cut)",
  security: SECURED,
  middleware: guard("view_appointments", [AVAILABILITY_LIMIT]),
  request: {
    body: { required: true, content: { "application/json": { schema: CompositeAvailabilityRequestSchema } } },
  },
  responses: {
    200: {
      description: "Free composite slots",
      content: { "application/json": { schema: CompositeAvailabilityResponseSchema } },
    },
    ...standardErrors,
  },
});
