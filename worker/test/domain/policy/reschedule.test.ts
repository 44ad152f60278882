import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES, decideReschedule, type ReschedulePolicy } from "../../../src/domain/policy";
import { zonedInstant } from "../../../src/domain/zoned-time";

const HOUR = 3_600_000;
const START = Date.parse("2026-06-10T08:00:00Z");
const base = DEFAULT_POLICIES.reschedule;

function decide(
  policy: Partial<ReschedulePolicy>,
  { hoursBefore = 48, rescheduleCount = 0, newStartsAt = START + 72 * HOUR, priceCents = 8_000 } = {},
) {
  return decideReschedule({
    policy: { ...base, ...policy },
    sourceLevel: "service",
    appointment: { startsAt: START, priceCents, rescheduleCount },
    now: new Date(START - hoursBefore * HOUR),
    newStartsAt,
  });
}

describe("decideReschedule", () => {
  it("allows a timely move within the per-booking allowance", () => {
    expect(decide({})).toEqual({
      allowed: true,
      violation: false,
      fee_cents: 0,
      rule: "within_policy",
      source_level: "service",
      reason: "Umbuchung im Rahmen der Richtlinie",
      reason_en: "Rescheduling within policy",
    });
  });

  it("measures notice against the current start: 12 hours by default, the limit itself is fine", () => {
    expect(decide({}, { hoursBefore: 12 }).violation).toBe(false);
    expect(decide({}, { hoursBefore: 11 })).toEqual({
      allowed: true,
      violation: true,
      fee_cents: 0,
      rule: "min_hours_notice",
      source_level: "service",
      reason: "Umbuchung weniger als 12 Stunden vor dem Termin",
      reason_en: "Rescheduling less than 12 hours before the appointment",
    });
  });

  it.each([
    ["warn", true, 0],
    ["block", false, 0],
    ["charge_fee", true, 2_500],
  ] as const)("%s on a late move", (violation_action, allowed, fee) => {
    expect(decide({ violation_action, fee_cents: 2_500 }, { hoursBefore: 3 })).toMatchObject({
      allowed,
      violation: true,
      fee_cents: fee,
    });
  });

  it("charges a percentage of the price when fee_percent_bp is set", () => {
    expect(
      decide({ violation_action: "charge_fee", fee_percent_bp: 1_250 }, { hoursBefore: 3 }).fee_cents,
    ).toBe(1_000);
  });

  it("stops at max_reschedules_per_booking: the fourth move breaks a limit of three", () => {
    expect(decide({}, { rescheduleCount: 2 }).violation).toBe(false);
    expect(decide({ violation_action: "block" }, { rescheduleCount: 3 })).toEqual({
      allowed: false,
      violation: true,
      fee_cents: 0,
      rule: "max_reschedules_per_booking",
      source_level: "service",
      reason: "Maximale Anzahl an Umbuchungen erreicht (3 pro Termin)",
      reason_en: "Maximum number of reschedules reached (3 per booking)",
    });
    expect(decide({ max_reschedules_per_booking: null }, { rescheduleCount: 40 }).violation).toBe(false);
  });

  it("reports the notice rule before the count when both are broken", () => {
    expect(decide({}, { hoursBefore: 1, rescheduleCount: 9 }).rule).toBe("min_hours_notice");
  });

  it("counts real hours across the spring DST change", () => {
    // Sunday 29 March 2026, 10:00 CEST; Saturday 22:00 CET is only 11 real hours earlier.
    const startsAt = zonedInstant("2026-03-29", "10:00", "Europe/Berlin");
    const now = zonedInstant("2026-03-28", "22:00", "Europe/Berlin");
    const decision = decideReschedule({
      policy: base,
      sourceLevel: "default",
      appointment: { startsAt, priceCents: null, rescheduleCount: 0 },
      now,
      newStartsAt: startsAt.getTime() + 48 * HOUR,
    });
    expect((startsAt.getTime() - now.getTime()) / HOUR).toBe(11);
    expect(decision).toMatchObject({ violation: true, rule: "min_hours_notice", source_level: "default" });
  });

  it("refuses moves of started appointments and moves into the past, without a violation", () => {
    expect(decide({}, { hoursBefore: -1 })).toMatchObject({
      allowed: false,
      violation: false,
      rule: "appointment_started",
    });
    expect(decide({}, { newStartsAt: START - 49 * HOUR })).toMatchObject({
      allowed: false,
      violation: false,
      rule: "new_start_in_past",
      reason: "Neuer Termin liegt in der Vergangenheit",
    });
  });

  it("rejects an invalid reschedule count", () => {
    expect(() => decide({}, { rescheduleCount: 1.5 })).toThrow(RangeError);
  });
});
