import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CancellationPolicy,
  DEFAULT_POLICIES,
  decideCancellation,
  percentOfCents,
  resolvePolicy,
} from "../../../src/domain/policy";
import { zonedInstant } from "../../../src/domain/zoned-time";

const HOUR = 3_600_000;
const START = Date.parse("2026-06-10T08:00:00Z");
const base = DEFAULT_POLICIES.cancellation;

function decide(
  policy: Partial<CancellationPolicy>,
  {
    hoursBefore = 48,
    cancellationsThisMonth = 0,
    priceCents = 5_000 as number | null,
    status = "confirmed" as const,
  }: {
    hoursBefore?: number;
    cancellationsThisMonth?: number;
    priceCents?: number | null;
    status?: "confirmed" | "pending" | "completed" | "cancelled" | "no_show" | "in_progress";
  } = {},
) {
  return decideCancellation({
    policy: { ...base, ...policy },
    sourceLevel: "branch",
    appointment: { startsAt: new Date(START), priceCents, status },
    now: START - hoursBefore * HOUR,
    cancellationsThisMonth,
  });
}

describe("decideCancellation", () => {
  it("allows a timely cancellation within the monthly allowance", () => {
    expect(decide({})).toEqual({
      allowed: true,
      violation: false,
      fee_cents: 0,
      rule: "within_policy",
      source_level: "branch",
      reason: "Stornierung im Rahmen der Richtlinie",
      reason_en: "Cancellation within policy",
    });
  });

  it("warn: a late cancellation is allowed but recorded as violation", () => {
    expect(decide({ violation_action: "warn" }, { hoursBefore: 23 })).toEqual({
      allowed: true,
      violation: true,
      fee_cents: 0,
      rule: "min_hours_notice",
      source_level: "branch",
      reason: "Stornierung weniger als 24 Stunden vor dem Termin",
      reason_en: "Cancellation less than 24 hours before the appointment",
    });
  });

  it("block: a late cancellation is refused", () => {
    const decision = decide({ violation_action: "block", fee_cents: 900 }, { hoursBefore: 23 });
    expect(decision).toMatchObject({
      allowed: false,
      violation: true,
      fee_cents: 0,
      rule: "min_hours_notice",
    });
  });

  it("charge_fee: the fixed fee, or the percentage of the price when fee_percent_bp is set", () => {
    expect(decide({ violation_action: "charge_fee", fee_cents: 1_500 }, { hoursBefore: 2 })).toMatchObject({
      allowed: true,
      violation: true,
      fee_cents: 1_500,
    });
    expect(
      decide({ violation_action: "charge_fee", fee_cents: 1_500, fee_percent_bp: 2_500 }, { hoursBefore: 2 })
        .fee_cents,
    ).toBe(1_250);
    expect(
      decide({ violation_action: "charge_fee", fee_percent_bp: 2_500 }, { hoursBefore: 2, priceCents: null })
        .fee_cents,
    ).toBe(0);
  });

  it("rounds percentage fees half-up to whole cents (never banker's rounding)", () => {
    expect(percentOfCents(1_001, 5_000)).toBe(501); // 500.5 → 501
    expect(percentOfCents(1_003, 5_000)).toBe(502); // 501.5 → 502 (banker's would give 502 too)
    expect(percentOfCents(1_005, 5_000)).toBe(503); // 502.5 → 503 (banker's would give 502)
    expect(percentOfCents(999, 3_333)).toBe(333); // 332.9667 → 333
    expect(percentOfCents(10, 1_499)).toBe(1); // 1.499 → 1
    expect(percentOfCents(0, 10_000)).toBe(0);
    expect(percentOfCents(12_345, 10_000)).toBe(12_345);
    expect(() => percentOfCents(-1, 100)).toThrow(RangeError);
  });

  it("counts the monthly free cancellations: the third in a month breaks a limit of two", () => {
    expect(decide({}, { cancellationsThisMonth: 1 }).violation).toBe(false);
    expect(decide({ violation_action: "charge_fee", fee_cents: 700 }, { cancellationsThisMonth: 2 })).toEqual(
      {
        allowed: true,
        violation: true,
        fee_cents: 700,
        rule: "max_free_cancellations_per_month",
        source_level: "branch",
        reason: "Kostenlose Stornierungen in diesem Monat aufgebraucht (2 pro Monat)",
        reason_en: "Free cancellations for this month used up (2 per month)",
      },
    );
    expect(decide({ max_free_cancellations_per_month: null }, { cancellationsThisMonth: 50 }).violation).toBe(
      false,
    );
  });

  it("reports the notice rule first when both rules are broken, and charges one fee", () => {
    const decision = decide(
      { violation_action: "charge_fee", fee_cents: 700 },
      { hoursBefore: 1, cancellationsThisMonth: 5 },
    );
    expect(decision).toMatchObject({ rule: "min_hours_notice", fee_cents: 700 });
  });

  it("uses singular wording for one hour", () => {
    expect(decide({ min_hours_notice: 1 }, { hoursBefore: 0.5 }).reason).toBe(
      "Stornierung weniger als 1 Stunde vor dem Termin",
    );
  });

  it("is exactly at the limit 24 real hours before an appointment on the last Sunday of October", () => {
    const startsAt = zonedInstant("2026-10-25", "10:00", "Europe/Berlin"); // CET, 09:00Z
    const decideAt = (now: number) =>
      decideCancellation({
        policy: { ...base, violation_action: "block" },
        sourceLevel: "company",
        appointment: { startsAt, priceCents: 5_000, status: "confirmed" },
        now,
        cancellationsThisMonth: 0,
      });
    const limit = startsAt.getTime() - 24 * HOUR; // Saturday 11:00 CEST, not 10:00
    expect(new Date(limit).toISOString()).toBe("2026-10-24T09:00:00.000Z");
    expect(decideAt(limit)).toMatchObject({ allowed: true, violation: false });
    expect(decideAt(limit + 1)).toMatchObject({ allowed: false, violation: true, rule: "min_hours_notice" });
    // Saturday 10:00 local is 25 real hours before: fine.
    expect(decideAt(zonedInstant("2026-10-24", "10:00", "Europe/Berlin").getTime()).violation).toBe(false);
  });

  it("names the level that set the broken rule when field sources are given", () => {
    const resolved = resolvePolicy(
      "cancellation",
      [
        { type: "cancellation", level: "company", targetId: 1, config: { min_hours_notice: 48 } },
        { type: "cancellation", level: "staff", targetId: 7, config: { violation_action: "block" } },
      ],
      { companyId: 1, staffId: 7 },
    );
    const decision = decideCancellation({
      policy: resolved.config,
      sourceLevel: resolved.source_level,
      fieldSources: resolved.sources,
      appointment: { startsAt: START, priceCents: 5_000, status: "confirmed" },
      now: START - 30 * HOUR,
      cancellationsThisMonth: 0,
    });
    expect(decision).toMatchObject({ allowed: false, rule: "min_hours_notice", source_level: "company" });
  });

  it.each([
    ["cancelled", "Termin ist bereits storniert"],
    ["completed", "Termin hat bereits stattgefunden"],
    ["no_show", "Termin wurde als nicht erschienen erfasst"],
    ["in_progress", "Termin läuft bereits"],
  ] as const)("refuses a %s appointment without recording a violation", (status, reason) => {
    expect(decide({}, { status })).toMatchObject({
      allowed: false,
      violation: false,
      fee_cents: 0,
      rule: "appointment_status",
      reason,
    });
  });

  it("refuses an appointment that has already started", () => {
    expect(decide({}, { hoursBefore: 0 })).toMatchObject({
      allowed: false,
      violation: false,
      rule: "appointment_started",
    });
    expect(decide({}, { hoursBefore: -3 }).rule).toBe("appointment_started");
  });

  it("rejects an invalid cancellation count", () => {
    expect(() => decide({}, { cancellationsThisMonth: -1 })).toThrow(RangeError);
  });

  it("a percentage fee is never negative and never above the price", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 23 }),
        (price, bp, hoursBefore) => {
          const { fee_cents } = decide(
            { violation_action: "charge_fee", fee_cents: 999_999, fee_percent_bp: bp },
            { hoursBefore, priceCents: price },
          );
          expect(fee_cents).toBeGreaterThanOrEqual(0);
          expect(fee_cents).toBeLessThanOrEqual(price);
          expect(Number.isInteger(fee_cents)).toBe(true);
          // Exact half-up reference in BigInt arithmetic.
          expect(BigInt(fee_cents)).toBe((BigInt(price) * BigInt(bp) * 2n + 10_000n) / 20_000n);
        },
      ),
    );
  });
});
