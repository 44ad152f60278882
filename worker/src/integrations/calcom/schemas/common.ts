import { z } from "zod";

/** An ISO-8601 instant. Cal.com's formats vary (`Z`, `.000Z`, `+02:00`), so any parseable one is accepted. */
export const isoInstantSchema = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: "expected an ISO-8601 instant" });

/**
 * Booking metadata as Cal.com accepts it: string values, at most 50 keys, keys up to 40 and values
 * up to 500 characters (calcom.md §4.1). It is where our appointment id travels, and Cal.com
 * echoes it in webhooks.
 */
export const calcomMetadataInputSchema = z
  .record(z.string().min(1).max(40), z.string().max(500))
  .refine((metadata) => Object.keys(metadata).length <= 50, { message: "at most 50 metadata keys" });

/** Metadata as Cal.com returns it: it may carry values Cal.com added itself (e.g. `videoCallUrl`). */
export const calcomMetadataOutputSchema = z.record(z.string(), z.unknown());

/** The metadata key under which a Cal.com booking names the platform appointment it mirrors. */
export const PLATFORM_APPOINTMENT_ID_KEY = "platform_appointment_id";

export type CalcomMetadata = z.infer<typeof calcomMetadataInputSchema>;
