import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES, decideRecurringSeries, type RecurringPolicy } from "../../../src/domain/policy";

const base = DEFAULT_POLICIES.recurring;
const decide = (occurrences: number, conflicts: number, policy: Partial<RecurringPolicy> = {}) =>
  decideRecurringSeries({ policy: { ...base, ...policy }, sourceLevel: "company", occurrences, conflicts });

describe("decideRecurringSeries", () => {
  it("allows a series within the bounds, skipping up to max_skips_per_series conflicts", () => {
    expect(decide(10, 0)).toEqual({
      allowed: true,
      violation: false,
      fee_cents: 0,
      rule: "within_policy",
      source_level: "company",
      reason: "Serie im Rahmen der Richtlinie",
      reason_en: "Series within policy",
      skipped: 0,
    });
    expect(decide(10, 2)).toMatchObject({
      allowed: true,
      skipped: 2,
      reason: "Serie im Rahmen der Richtlinie, 2 Termine übersprungen",
    });
    expect(decide(4, 0).allowed).toBe(true);
    expect(decide(52, 0).allowed).toBe(true);
  });

  it("refuses series shorter than min_series_length or longer than max_series_length", () => {
    expect(decide(3, 0)).toMatchObject({
      allowed: false,
      violation: true,
      rule: "min_series_length",
      skipped: 0,
      reason: "Serie zu kurz: mindestens 4 Termine",
    });
    expect(decide(53, 0)).toMatchObject({
      allowed: false,
      rule: "max_series_length",
      reason: "Serie zu lang: höchstens 52 Termine",
      reason_en: "Series too long: at most 52 appointments",
    });
  });

  it("refuses conflicts when skipping is off, and more conflicts than may be skipped", () => {
    expect(decide(10, 1, { skip_allowed: false })).toMatchObject({
      allowed: false,
      rule: "skip_allowed",
      reason: "Serie hat 1 Konflikt; Überspringen ist nicht erlaubt",
      reason_en: "Series has 1 conflict; skipping is not allowed",
    });
    expect(decide(10, 2, { skip_allowed: false }).reason).toBe(
      "Serie hat 2 Konflikte; Überspringen ist nicht erlaubt",
    );
    expect(decide(10, 0, { skip_allowed: false }).allowed).toBe(true);
    expect(decide(10, 3)).toMatchObject({
      allowed: false,
      rule: "max_skips_per_series",
      skipped: 0,
      reason: "Zu viele Konflikte: 3, höchstens 2 dürfen übersprungen werden",
    });
  });

  it("requires the series left after skipping to meet min_series_length", () => {
    expect(decide(5, 2)).toMatchObject({
      allowed: false,
      rule: "min_series_length",
      reason: "Nach dem Überspringen zu kurz: 3 Termine statt mindestens 4",
    });
    expect(decide(6, 2)).toMatchObject({ allowed: true, skipped: 2 });
  });

  it("names the level of the broken field", () => {
    const decision = decideRecurringSeries({
      policy: { ...base, max_series_length: 12 },
      sourceLevel: "staff",
      fieldSources: { max_series_length: "branch" },
      occurrences: 13,
      conflicts: 0,
    });
    expect(decision).toMatchObject({ rule: "max_series_length", source_level: "branch" });
  });

  it("rejects impossible counts", () => {
    expect(() => decide(3, 4)).toThrow(RangeError);
    expect(() => decide(-1, 0)).toThrow(RangeError);
  });
});
