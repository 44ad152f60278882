import { z } from "zod";
import { isoInstantSchema } from "./common";

/**
 * GET /v2/slots query (2024-09-04). Date-only (or midnight) `start`/`end` are read in UTC by
 * Cal.com, whatever `timeZone` says; `timeZone` only shapes the output strings and date keys.
 */
export const getSlotsQuerySchema = z
  .object({
    start: z.string().min(1),
    end: z.string().min(1),
    eventTypeId: z.number().int().positive().optional(),
    eventTypeSlug: z.string().optional(),
    username: z.string().optional(),
    teamSlug: z.string().optional(),
    usernames: z.array(z.string()).optional(),
    organizationSlug: z.string().optional(),
    timeZone: z.string().optional(),
    duration: z.number().int().min(1).optional(),
    format: z.enum(["time", "range"]).optional(),
    bookingUidToReschedule: z.string().optional(),
  })
  .refine(
    (query) =>
      query.eventTypeId !== undefined ||
      query.usernames !== undefined ||
      (query.eventTypeSlug !== undefined && (query.username !== undefined || query.teamSlug !== undefined)),
    { message: "eventTypeId, eventTypeSlug + username/teamSlug, or usernames is required" },
  );

export const calcomSlotSchema = z.object({
  /** Local time in the requested zone with its offset, e.g. `2050-09-05T09:00:00.000+02:00`. */
  start: isoInstantSchema,
  /** Only with `format=range`. */
  end: isoInstantSchema.optional(),
  seatsBooked: z.number().int().optional(),
  seatsRemaining: z.number().int().optional(),
  seatsTotal: z.number().int().optional(),
  bookingUid: z.string().optional(),
});

/** Slots keyed by local date (YYYY-MM-DD in the requested zone); `{}` when nothing is free. */
export const calcomSlotsByDateSchema = z.record(z.string(), z.array(calcomSlotSchema));

export type GetCalcomSlotsQuery = z.input<typeof getSlotsQuerySchema>;
export type CalcomSlot = z.infer<typeof calcomSlotSchema>;
export type CalcomSlotsByDate = z.infer<typeof calcomSlotsByDateSchema>;
