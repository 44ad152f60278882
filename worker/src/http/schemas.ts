import { z } from "@hono/zod-openapi";

/** OpenAPI components shared by every route. */
export const ErrorSchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.string().openapi({ example: "VALIDATION_ERROR" }),
      message: z.string().openapi({ example: "Validation failed" }),
      details: z
        .unknown()
        .optional()
        .openapi({ example: { fields: { "body.email": ["Invalid email address"] } } }),
    }),
  })
  .openapi("Error");

const errorContent = { "application/json": { schema: ErrorSchema } };

/** Error responses most routes can produce, for their OpenAPI definitions. */
export const standardErrors = {
  400: { description: "Malformed request (invalid JSON)", content: errorContent },
  401: { description: "Not authenticated", content: errorContent },
  403: { description: "Authenticated but not allowed", content: errorContent },
  404: { description: "Not found (also for other companies' records)", content: errorContent },
  413: { description: "Body too large", content: errorContent },
  415: { description: "Body is not JSON", content: errorContent },
  422: { description: "Validation failed, per-field messages in details.fields", content: errorContent },
  429: { description: "Rate limited; see Retry-After", content: errorContent },
} as const;

export const IdParamSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, example: 42 }),
});

/** An instant on the wire: ISO 8601 with offset, stored as UTC. */
export const InstantSchema = z.iso.datetime({ offset: true }).openapi({ example: "2026-12-01T09:30:00Z" });
export const LocalDateSchema = z.iso.date().openapi({ example: "2026-12-01" });
export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Expected a time of day as HH:MM")
  .openapi({ example: "09:00" });
export const TimeZoneSchema = z
  .string()
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "Unknown IANA time zone")
  .openapi({ example: "Europe/Berlin" });

export const PaginationSchema = z
  .object({
    next_cursor: z.string().nullable(),
    has_more: z.boolean(),
    limit: z.number().int(),
  })
  .openapi("Pagination");

export function listResponseSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({ success: z.literal(true), data: z.array(item), pagination: PaginationSchema })
    .openapi(name);
}

export function itemResponseSchema<T extends z.ZodType>(item: T, name: string) {
  return z.object({ success: z.literal(true), data: item }).openapi(name);
}
