import { z } from "zod";

/** `{status:"success", data, pagination?}`: every v2 controller answers this way (calcom.md §2). */
export const successEnvelopeSchema = z.object({
  status: z.literal("success"),
  data: z.unknown(),
  pagination: z.unknown().optional(),
});

/**
 * `{status:"error", timestamp, path, error:{code, message, details?}}` from the HttpException
 * filter; the ErrorWithCode filter repeats the message at the top level, so both places are read.
 */
export const errorEnvelopeSchema = z.object({
  status: z.literal("error").optional(),
  timestamp: z.string().optional(),
  path: z.string().optional(),
  message: z.string().optional(),
  error: z
    .object({
      code: z.union([z.string(), z.number()]).optional(),
      message: z.string().optional(),
      details: z.unknown().optional(),
    })
    .optional(),
});

/** The take/skip pagination object of list endpoints (bookings 2024-08-13, webhooks). */
export const offsetPaginationSchema = z.object({
  totalItems: z.number().int(),
  remainingItems: z.number().int(),
  returnedItems: z.number().int(),
  itemsPerPage: z.number().int(),
  currentPage: z.number().int(),
  totalPages: z.number().int(),
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
});

export type CalcomOffsetPagination = z.infer<typeof offsetPaginationSchema>;
