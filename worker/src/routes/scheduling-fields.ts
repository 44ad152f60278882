import { z } from "@hono/zod-openapi";

/**
 * Minutes in 5-minute steps. Calendars are occupied in 5-minute granules (calendar/granules.ts),
 * so durations, buffers, gaps and slot steps must be multiples of 5: then an appointment's span
 * and its granules coincide, and nothing is blocked longer than booked.
 */
export const fiveMinuteSteps = (min: number, max: number) =>
  z.number().int().min(min).max(max).multipleOf(5, "Use a multiple of 5 minutes");

/** An ordered list of services to combine into one composite booking (a request field). */
export const CompositeServiceListSchema = z
  .array(
    z.object({
      service_id: z.number().int().positive(),
      duration: fiveMinuteSteps(5, 720).optional(),
      gap_after_min_minutes: fiveMinuteSteps(0, 480).default(0),
      gap_after_max_minutes: fiveMinuteSteps(0, 480).default(0),
    }),
  )
  .min(2)
  .max(8);

export const CompositeServiceIdSchema = z
  .number()
  .int()
  .positive()
  .openapi({ description: "A composite service (uses its segments)" });
