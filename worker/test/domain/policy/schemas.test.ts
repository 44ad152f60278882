import { describe, expect, it } from "vitest";
import {
  CancellationPolicyOverrideSchema,
  fromStoredConfig,
  RecurringPolicyOverrideSchema,
  ReschedulePolicyOverrideSchema,
  resolvePolicy,
  toStoredConfig,
} from "../../../src/domain/policy";

describe("policy config schemas", () => {
  it("accept partial overrides and refuse unknown keys and out-of-range values", () => {
    expect(CancellationPolicyOverrideSchema.parse({ min_hours_notice: 48 })).toEqual({
      min_hours_notice: 48,
    });
    expect(CancellationPolicyOverrideSchema.safeParse({ min_hours_notice: 48, fee: 1 }).success).toBe(false);
    expect(CancellationPolicyOverrideSchema.safeParse({ fee_percent_bp: 10_001 }).success).toBe(false);
    expect(CancellationPolicyOverrideSchema.safeParse({ fee_cents: 12.5 }).success).toBe(false);
    expect(CancellationPolicyOverrideSchema.safeParse({ violation_action: "refund" }).success).toBe(false);
    expect(ReschedulePolicyOverrideSchema.parse({ max_reschedules_per_booking: null })).toEqual({
      max_reschedules_per_booking: null,
    });
  });

  it("refuse series bounds in the wrong order on one level", () => {
    expect(
      RecurringPolicyOverrideSchema.safeParse({ min_series_length: 10, max_series_length: 5 }).success,
    ).toBe(false);
    expect(RecurringPolicyOverrideSchema.safeParse({ min_series_length: 10 }).success).toBe(true);
  });
});

describe("stored config mapping", () => {
  it("maps the API's snake_case to the schema's camelCase keys and back", () => {
    const override = { min_hours_notice: 48, fee_percent_bp: 2_000, max_free_cancellations_per_month: null };
    const stored = toStoredConfig("cancellation", override);
    expect(stored).toEqual({
      minHoursNotice: 48,
      cancellationFeeBp: 2_000,
      maxFreeCancellationsPerMonth: null,
    });
    expect(fromStoredConfig("cancellation", stored)).toEqual(override);
    expect(fromStoredConfig("recurring", { skipAllowed: false, junk: 1 })).toEqual({ skip_allowed: false });
    expect(fromStoredConfig("reschedule", null)).toEqual({});
  });

  it("feeds resolvePolicy from stored rows", () => {
    const resolved = resolvePolicy(
      "reschedule",
      [
        {
          type: "reschedule",
          level: "company",
          targetId: 3,
          config: fromStoredConfig("reschedule", { minHoursNotice: 6 }),
        },
      ],
      { companyId: 3 },
    );
    expect(resolved.config.min_hours_notice).toBe(6);
  });
});
