import { createRoute, z } from "@hono/zod-openapi";
import { InstantSchema, standardErrors } from "../../http/schemas";
import { idempotent } from "../../middleware/idempotency";
import { guard, SECURED } from "../guards";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const PlaceHoldSchema = z
  .object({
    service_id: z.number().int().positive(),
    staff_id: z.number().int().positive(),
    branch_id: z.number().int().positive().optional(),
    starts_at: InstantSchema,
    ttl_seconds: z
      .number()
      .int()
      .min(30)
      .max(3600)
      .optional()
      .openapi({ description: "Defaults to the company's hold time (5 minutes)" }),
  })
  .strict()
  .openapi("PlaceHold", { example: { service_id: 2, staff_id: 3, starts_at: "2026-12-01T10:00:00+01:00" } });

export const HoldSchema = z
  .object({
    hold_id: z.string(),
    expires_at: InstantSchema,
    starts_at: InstantSchema,
    ends_at: InstantSchema,
    staff_id: z.number().int(),
    service_id: z.number().int(),
    branch_id: z.number().int(),
  })
  .openapi("Hold");

export const placeHoldRoute = createRoute({
  method: "post",
  path: "/api/v2/holds",
  operationId: "placeHold",
  tags: ["Bookings"],
  summary: "Hold a slot for a few minutes; book it later with hold_id, or let it lapse",
  security: SECURED,
  middleware: [...guard("create_appointments"), idempotent],
  request: { body: { required: true, content: json(PlaceHoldSchema) } },
  responses: {
    201: { description: "Held", content: json(z.object({ success: z.literal(true), data: HoldSchema })) },
    ...standardErrors,
    409: { description: "The slot is taken", content: standardErrors[400].content },
  },
});

export const releaseHoldRoute = createRoute({
  method: "delete",
  path: "/api/v2/holds/{hold_id}",
  operationId: "releaseHold",
  tags: ["Bookings"],
  summary: "Release a hold at once",
  security: SECURED,
  middleware: guard("create_appointments"),
  request: {
    params: z.object({
      hold_id: z
        .string()
        .max(80)
        .openapi({ param: { name: "hold_id", in: "path" } }),
    }),
  },
  responses: {
    200: {
      description: "Released",
      content: json(z.object({ success: z.literal(true), data: z.object({ hold_id: z.string() }) })),
    },
    401: standardErrors[401],
    403: standardErrors[403],
    404: standardErrors[404],
  },
});
