import { createRoute, z } from "@hono/zod-openapi";
import { APPOINTMENT_SOURCES } from "../../../../drizzle/schema";
import { IdParamSchema, InstantSchema, standardErrors } from "../../http/schemas";
import { idempotent } from "../../middleware/idempotency";
import { guard, SECURED } from "../guards";
import { fiveMinuteSteps } from "../scheduling-fields";
import { AppointmentSchema } from "./appointment-schema";
import {
  CHANGE_LIMIT,
  CREATE_LIMIT,
  conflict,
  IdempotencyHeader,
  json,
  PolicyDecisionSchema,
} from "./route-parts";

export const CreateRecurringSchema = z
  .object({
    customer_id: z.number().int().positive(),
    service_id: z.number().int().positive(),
    staff_id: z.number().int().positive(),
    branch_id: z.number().int().positive().optional(),
    starts_at: InstantSchema.openapi({
      description: "The first occurrence; later ones keep its local wall-clock time",
    }),
    recurrence: z
      .object({
        frequency: z.enum(["daily", "weekly", "monthly"]),
        interval: z.number().int().min(1).max(12).default(1),
        count: z.number().int().min(1).max(104).optional(),
        until: z.iso.date().optional().openapi({ description: "Last local date (inclusive)" }),
      })
      .refine((r) => (r.count === undefined) !== (r.until === undefined), {
        message: "Give either count or until",
        path: ["count"],
      }),
    source: z.enum(APPOINTMENT_SOURCES).default("api"),
    notes: z.string().max(2000).nullable().optional(),
  })
  .strict()
  .openapi("CreateRecurringSeries", {
    example: {
      customer_id: 123,
      service_id: 42,
      staff_id: 12,
      starts_at: "2026-12-01T10:00:00+01:00",
      recurrence: { frequency: "weekly", interval: 2, count: 6 },
    },
  });

const OccurrenceSchema = z
  .object({
    index: z.number().int(),
    date: z.string(),
    time: z.string(),
    starts_at: InstantSchema,
    status: z.enum(["booked", "skipped"]),
    reason: z.enum(["unavailable", "taken"]).optional(),
  })
  .openapi("SeriesOccurrence");

export const createRecurringRoute = createRoute({
  method: "post",
  path: "/api/v2/bookings/recurring",
  operationId: "createRecurringSeries",
  tags: ["Bookings"],
  summary: "Book a recurring series under the recurring policy, reporting every occurrence",
  security: SECURED,
  middleware: [...guard("create_appointments", [CREATE_LIMIT]), idempotent],
  request: { headers: IdempotencyHeader, body: { required: true, content: json(CreateRecurringSchema) } },
  responses: {
    201: {
      description: "Series booked (conflicting occurrences skipped where the policy allows)",
      content: json(
        z
          .object({
            success: z.literal(true),
            series_id: z.number().int(),
            appointments: z.array(AppointmentSchema),
            occurrences: z.array(OccurrenceSchema),
            policy: PolicyDecisionSchema,
          })
          .openapi("RecurringSeriesResult"),
      ),
    },
    ...standardErrors,
    409: conflict,
  },
});

export const cancelSeriesRoute = createRoute({
  method: "delete",
  path: "/api/v2/series/{id}",
  operationId: "cancelRecurringSeries",
  tags: ["Bookings"],
  summary:
    "Cancel a recurring series from a date on (default: now), each occurrence under the cancellation policy",
  security: SECURED,
  middleware: [...guard("edit_appointments", [CHANGE_LIMIT]), idempotent],
  request: {
    params: IdParamSchema,
    body: {
      required: false,
      content: json(
        z
          .object({ from: InstantSchema.optional(), reason: z.string().max(500).optional() })
          .strict()
          .openapi("CancelSeries"),
      ),
    },
  },
  responses: {
    200: {
      description: "Each occurrence's outcome",
      content: json(
        z.object({
          success: z.literal(true),
          series_id: z.number().int(),
          results: z.array(
            z.object({
              appointment_id: z.number().int(),
              starts_at: InstantSchema,
              cancelled: z.boolean(),
              error: z.string().optional(),
            }),
          ),
        }),
      ),
    },
    ...standardErrors,
  },
});

export const RescheduleSeriesSchema = z
  .object({
    shift: z
      .object({
        days: z.number().int().min(-366).max(366),
        minutes: fiveMinuteSteps(-1440, 1440),
      })
      .optional()
      .openapi({
        description: "Wall-clock change applied to every remaining occurrence (e.g. +1 day, +90 minutes)",
      }),
    new_starts_at: InstantSchema.optional().openapi({
      description: "Or: the new start of the first remaining occurrence",
    }),
    from: InstantSchema.optional().openapi({
      description: "Move occurrences from this instant on (default: now)",
    }),
    reason: z.string().max(500).optional(),
  })
  .strict()
  .refine((r) => (r.shift === undefined) !== (r.new_starts_at === undefined), {
    message: "Give either shift or new_starts_at",
    path: ["shift"],
  })
  .openapi("RescheduleSeries", { example: { shift: { days: 1, minutes: 90 }, reason: "Neuer Wochentag" } });

export const rescheduleSeriesRoute = createRoute({
  method: "patch",
  path: "/api/v2/series/{id}/reschedule",
  operationId: "rescheduleRecurringSeries",
  tags: ["Bookings"],
  summary: "Move every remaining occurrence of a series by the same wall-clock shift, all or nothing",
  security: SECURED,
  middleware: [...guard("edit_appointments", [CHANGE_LIMIT]), idempotent],
  request: { params: IdParamSchema, body: { required: true, content: json(RescheduleSeriesSchema) } },
  responses: {
    200: {
      description: "Every remaining occurrence moved",
      content: json(
        z.object({
          success: z.literal(true),
          series_id: z.number().int(),
          occurrences: z.array(
            z.object({
              appointment_id: z.number().int(),
              from: InstantSchema,
              to: InstantSchema,
              date: z.string(),
              time: z.string(),
              problem: z.enum(["unavailable", "taken", "policy"]).optional(),
              policy: PolicyDecisionSchema.optional().openapi({
                description: "The reschedule policy's decision for this occurrence",
              }),
            }),
          ),
        }),
      ),
    },
    ...standardErrors,
    409: conflict,
  },
});
