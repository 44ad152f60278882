import { z } from "@hono/zod-openapi";
import { standardErrors } from "../../http/schemas";

/** Pieces shared by the booking and series route definitions. */
export const CREATE_LIMIT = { name: "bookings:create", limit: 30, windowSeconds: 60 };
export const CHANGE_LIMIT = { name: "bookings:change", limit: 10, windowSeconds: 60 };

export const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
export const conflict = {
  description: "Taken, not available, or a stale version",
  content: standardErrors[400].content,
};
export const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .openapi({ description: "Repeat a request safely: the same key and body return the first response" }),
});

export const PolicyDecisionSchema = z
  .object({
    allowed: z.boolean(),
    violation: z.boolean(),
    fee_cents: z.number().int(),
    rule: z.string(),
    source_level: z.enum(["staff", "service", "branch", "company", "default"]),
    reason: z.string(),
  })
  .openapi("PolicyDecision");
