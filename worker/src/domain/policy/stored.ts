import type { PolicyType } from "../../../../drizzle/schema/enums";

/**
 * policy_configurations.config is typed in drizzle/schema/settings.ts with camelCase keys (and
 * different names for the fee fields), while the API and this module use snake_case. These tables
 * are the one place that knows both names, so the route that writes rows and the service that reads
 * them cannot drift apart. Keys without a stored name in the schema type (the reschedule fee) get
 * the name the schema's pattern suggests.
 */
const STORED_KEYS: Record<PolicyType, Readonly<Record<string, string>>> = {
  cancellation: {
    min_hours_notice: "minHoursNotice",
    fee_cents: "cancellationFeeCents",
    fee_percent_bp: "cancellationFeeBp",
    max_free_cancellations_per_month: "maxFreeCancellationsPerMonth",
    violation_action: "violationAction",
  },
  reschedule: {
    min_hours_notice: "minHoursNotice",
    max_reschedules_per_booking: "maxReschedulesPerBooking",
    fee_cents: "rescheduleFeeCents",
    fee_percent_bp: "rescheduleFeeBp",
    violation_action: "violationAction",
  },
  recurring: {
    min_series_length: "minSeriesLength",
    max_series_length: "maxSeriesLength",
    skip_allowed: "skipAllowed",
    max_skips_per_series: "maxSkipsPerSeries",
  },
};

/** A validated override (snake_case) → the JSON to store. Absent keys stay absent (they inherit). */
export function toStoredConfig(type: PolicyType, override: Readonly<Record<string, unknown>>) {
  return renameKeys(override, STORED_KEYS[type]);
}

/** A stored config → the snake_case shape resolvePolicy reads. Unknown keys are dropped. */
export function fromStoredConfig(type: PolicyType, stored: unknown): Record<string, unknown> {
  if (typeof stored !== "object" || stored === null) return {};
  const inverse = Object.fromEntries(Object.entries(STORED_KEYS[type]).map(([api, db]) => [db, api]));
  return renameKeys(stored as Record<string, unknown>, inverse);
}

function renameKeys(source: Readonly<Record<string, unknown>>, names: Readonly<Record<string, string>>) {
  const out: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(names)) {
    if (Object.hasOwn(source, from) && source[from] !== undefined) out[to] = source[from];
  }
  return out;
}
