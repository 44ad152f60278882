import { z } from "@hono/zod-openapi";
import { VIOLATION_ACTIONS } from "../../../../drizzle/schema/enums";

/**
 * The three policy shapes (spec §9.3). Each comes twice:
 * - `…OverrideSchema`: what one level (company, branch, service, staff) stores and what the API accepts.
 *   Every field is optional because a missing field is inherited from the next level up
 *   (see resolve.ts); unknown keys are refused.
 * - `…PolicySchema`: the effective policy after resolution; missing fields take the seed defaults.
 * Field bounds keep typos (an extra zero) from producing policies nobody can satisfy.
 */

const HOURS_PER_YEAR = 24 * 366;
/** Same ceiling as a service price, so a fixed fee cannot be absurdly larger than any price. */
const MAX_FEE_CENTS = 10_000_000;

const minHoursNotice = z.number().int().min(0).max(HOURS_PER_YEAR).openapi({
  description:
    "Minimum notice in hours before the appointment's start. Measured as real elapsed time, so a day with a DST change counts its 23 or 25 hours.",
  example: 24,
});

const feeCents = z.number().int().min(0).max(MAX_FEE_CENTS).openapi({
  description:
    "Fixed fee in cents charged when violation_action is charge_fee. Ignored when fee_percent_bp is set.",
  example: 1500,
});

const feePercentBp = z.number().int().min(0).max(10_000).openapi({
  description:
    "Fee as a share of the appointment price in basis points (5000 = 50 %), rounded half-up to whole cents. Takes precedence over fee_cents. fee_cents and fee_percent_bp are inherited together: a level that sets either one replaces both.",
  example: 5000,
});

const violationAction = z.enum(VIOLATION_ACTIONS).openapi({
  description:
    "What happens when a rule is broken: warn (allowed, recorded as violation), block (refused) or charge_fee (allowed with the fee).",
  example: "warn",
});

const cancellationFields = {
  min_hours_notice: minHoursNotice,
  fee_cents: feeCents,
  fee_percent_bp: feePercentBp,
  max_free_cancellations_per_month: z.number().int().min(0).max(100).nullable().openapi({
    description:
      "Cancellations per customer and local calendar month that do not count as a violation; further ones trigger violation_action. null = no monthly limit.",
    example: 2,
  }),
  violation_action: violationAction,
};

const rescheduleFields = {
  min_hours_notice: minHoursNotice,
  max_reschedules_per_booking: z.number().int().min(0).max(100).nullable().openapi({
    description:
      "How often one booking may be moved before further moves trigger violation_action. null = unlimited.",
    example: 3,
  }),
  fee_cents: feeCents,
  fee_percent_bp: feePercentBp,
  violation_action: violationAction,
};

const seriesLength = (description: string, example: number) =>
  z.number().int().min(1).max(1000).openapi({ description, example });

const recurringFields = {
  min_series_length: seriesLength("Fewest appointments a recurring series may have.", 4),
  max_series_length: seriesLength("Most appointments a recurring series may have.", 52),
  skip_allowed: z.boolean().openapi({
    description:
      "Whether occurrences that conflict with existing bookings may be left out when the series is booked.",
    example: true,
  }),
  max_skips_per_series: z.number().int().min(0).max(1000).openapi({
    description: "Most conflicting occurrences that may be left out of one series.",
    example: 2,
  }),
};

/** Both bounds given on one level must be consistent; across levels resolve.ts cannot know them in advance. */
const boundsInOrder = (c: { min_series_length?: number; max_series_length?: number }) =>
  c.min_series_length === undefined ||
  c.max_series_length === undefined ||
  c.min_series_length <= c.max_series_length;

export const CancellationPolicyOverrideSchema = z
  .object(cancellationFields)
  .partial()
  .strict()
  .openapi("CancellationPolicyOverride");
export const ReschedulePolicyOverrideSchema = z
  .object(rescheduleFields)
  .partial()
  .strict()
  .openapi("ReschedulePolicyOverride");
export const RecurringPolicyOverrideSchema = z
  .object(recurringFields)
  .partial()
  .strict()
  .refine(boundsInOrder, {
    message: "min_series_length must not exceed max_series_length",
    path: ["min_series_length"],
  })
  .openapi("RecurringPolicyOverride");

/**
 * Tolerant readers for stored rows: keys written by older or newer code are dropped instead of
 * failing a customer's cancellation; the values that are present must still be valid.
 */
export const storedOverrideSchemas = {
  cancellation: z.object(cancellationFields).partial(),
  reschedule: z.object(rescheduleFields).partial(),
  recurring: z.object(recurringFields).partial(),
} as const;

export const CancellationPolicySchema = z
  .object({
    min_hours_notice: cancellationFields.min_hours_notice.default(24),
    fee_cents: cancellationFields.fee_cents.default(0),
    fee_percent_bp: cancellationFields.fee_percent_bp.optional(),
    max_free_cancellations_per_month: cancellationFields.max_free_cancellations_per_month.default(2),
    violation_action: cancellationFields.violation_action.default("warn"),
  })
  .openapi("CancellationPolicy");

export const ReschedulePolicySchema = z
  .object({
    min_hours_notice: rescheduleFields.min_hours_notice.default(12),
    max_reschedules_per_booking: rescheduleFields.max_reschedules_per_booking.default(3),
    fee_cents: rescheduleFields.fee_cents.default(0),
    fee_percent_bp: rescheduleFields.fee_percent_bp.optional(),
    violation_action: rescheduleFields.violation_action.default("warn"),
  })
  .openapi("ReschedulePolicy");

export const RecurringPolicySchema = z
  .object({
    min_series_length: recurringFields.min_series_length.default(4),
    max_series_length: recurringFields.max_series_length.default(52),
    skip_allowed: recurringFields.skip_allowed.default(true),
    max_skips_per_series: recurringFields.max_skips_per_series.default(2),
  })
  .openapi("RecurringPolicy");

export type CancellationPolicy = z.infer<typeof CancellationPolicySchema>;
export type ReschedulePolicy = z.infer<typeof ReschedulePolicySchema>;
export type RecurringPolicy = z.infer<typeof RecurringPolicySchema>;
export type CancellationPolicyOverride = z.infer<typeof CancellationPolicyOverrideSchema>;
export type ReschedulePolicyOverride = z.infer<typeof ReschedulePolicyOverrideSchema>;
export type RecurringPolicyOverride = z.infer<typeof RecurringPolicyOverrideSchema>;

/** The effective shape of each policy type. */
export type PolicyConfigByType = {
  cancellation: CancellationPolicy;
  reschedule: ReschedulePolicy;
  recurring: RecurringPolicy;
};

/** Built-in defaults (spec §9.3), used for every field no level sets. */
export const DEFAULT_POLICIES: PolicyConfigByType = {
  cancellation: CancellationPolicySchema.parse({}),
  reschedule: ReschedulePolicySchema.parse({}),
  recurring: RecurringPolicySchema.parse({}),
};

/** The effective-policy schema of each type, for code that works over all three. */
export const policySchemas = {
  cancellation: CancellationPolicySchema,
  reschedule: ReschedulePolicySchema,
  recurring: RecurringPolicySchema,
} as const;
