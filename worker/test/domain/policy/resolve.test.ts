import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConfigurableType } from "../../../../drizzle/schema/enums";
import {
  DEFAULT_POLICIES,
  type PolicyCandidate,
  PolicyConfigError,
  type PolicyTarget,
  resolvePolicy,
} from "../../../src/domain/policy";

const TARGET: PolicyTarget = { companyId: 1, branchId: 10, serviceId: 100, staffId: 1000 };
const ID_AT: Record<ConfigurableType, number> = { company: 1, branch: 10, service: 100, staff: 1000 };

const row = (level: ConfigurableType, config: unknown, type: PolicyCandidate["type"] = "cancellation") => ({
  type,
  level,
  targetId: ID_AT[level],
  config,
});

const complete = (hours: number) => ({
  min_hours_notice: hours,
  fee_cents: hours * 100,
  max_free_cancellations_per_month: 1,
  violation_action: "block" as const,
});

describe("resolvePolicy: Staff → Service → Branch → Company → default", () => {
  const all = [
    row("company", complete(1)),
    row("branch", complete(2)),
    row("service", complete(3)),
    row("staff", complete(4)),
  ];

  it.each([
    ["staff", all, 4],
    ["service", all.filter((r) => r.level !== "staff"), 3],
    ["branch", all.filter((r) => r.level === "branch" || r.level === "company"), 2],
    ["company", all.filter((r) => r.level === "company"), 1],
  ] as const)("takes the %s config when it is the most specific one", (level, rows, hours) => {
    const resolved = resolvePolicy("cancellation", rows, TARGET);
    expect(resolved.source_level).toBe(level);
    expect(resolved.config).toEqual(complete(hours));
  });

  it("falls back to the built-in default when nothing is configured", () => {
    const resolved = resolvePolicy("cancellation", [], TARGET);
    expect(resolved.source_level).toBe("default");
    expect(resolved.config).toEqual(DEFAULT_POLICIES.cancellation);
    expect(resolved.config).toEqual({
      min_hours_notice: 24,
      fee_cents: 0,
      max_free_cancellations_per_month: 2,
      violation_action: "warn",
    });
    expect(resolvePolicy("reschedule", [], TARGET).config).toEqual({
      min_hours_notice: 12,
      max_reschedules_per_booking: 3,
      fee_cents: 0,
      violation_action: "warn",
    });
    expect(resolvePolicy("recurring", [], TARGET).config).toEqual({
      min_series_length: 4,
      max_series_length: 52,
      skip_allowed: true,
      max_skips_per_series: 2,
    });
  });

  it("inherits missing fields from less specific levels and reports each field's level", () => {
    const resolved = resolvePolicy(
      "cancellation",
      [
        row("company", { min_hours_notice: 48, fee_percent_bp: 5000 }),
        row("branch", { violation_action: "charge_fee" }),
        row("staff", { max_free_cancellations_per_month: null }),
      ],
      TARGET,
    );
    expect(resolved.config).toEqual({
      min_hours_notice: 48,
      fee_cents: 0,
      fee_percent_bp: 5000,
      max_free_cancellations_per_month: null,
      violation_action: "charge_fee",
    });
    expect(resolved.source_level).toBe("staff");
    expect(resolved.sources).toEqual({
      min_hours_notice: "company",
      fee_cents: "company",
      fee_percent_bp: "company",
      max_free_cancellations_per_month: "staff",
      violation_action: "branch",
    });
  });

  it("inherits fee_cents and fee_percent_bp together: a fixed fee below replaces a percentage above", () => {
    const resolved = resolvePolicy(
      "cancellation",
      [row("company", { fee_percent_bp: 5000 }), row("service", { fee_cents: 1500 })],
      TARGET,
    );
    expect(resolved.config.fee_cents).toBe(1500);
    expect(resolved.config.fee_percent_bp).toBeUndefined();
    expect(resolved.sources.fee_percent_bp).toBe("service");
  });

  it("ignores other policy types, other targets and levels the target lacks", () => {
    const rows = [
      row("staff", complete(9), "reschedule"),
      { ...row("branch", complete(8)), targetId: 11 },
      row("service", complete(7)),
    ];
    const withoutService = { companyId: 1, branchId: 10, serviceId: null, staffId: 1000 };
    expect(resolvePolicy("cancellation", rows, withoutService).source_level).toBe("default");
    expect(resolvePolicy("cancellation", rows, TARGET).source_level).toBe("service");
  });

  it("drops unknown stored keys but refuses invalid values and duplicate rows", () => {
    expect(
      resolvePolicy("recurring", [row("company", { legacy: 1, skip_allowed: false }, "recurring")], TARGET)
        .config.skip_allowed,
    ).toBe(false);
    expect(() => resolvePolicy("cancellation", [row("branch", { min_hours_notice: -1 })], TARGET)).toThrow(
      PolicyConfigError,
    );
    expect(() => resolvePolicy("cancellation", [row("branch", {}), row("branch", {})], TARGET)).toThrow(
      PolicyConfigError,
    );
  });

  it("an empty config at a level contributes nothing", () => {
    const resolved = resolvePolicy("cancellation", [row("staff", {}), row("branch", complete(5))], TARGET);
    expect(resolved.source_level).toBe("branch");
  });

  const LEVELS: ConfigurableType[] = ["staff", "service", "branch", "company"];
  const NOISE = [row("branch", complete(77), "reschedule"), { ...row("staff", complete(88)), targetId: 999 }];
  /** Any set of levels plus noise rows, in any order. */
  const shuffled = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length });

  it("picks the most specific level present, whatever the order of candidates", () => {
    const scenario = fc
      .shuffledSubarray(LEVELS)
      .chain((present) =>
        shuffled([...present.map((level) => row(level, complete(LEVELS.indexOf(level) + 10))), ...NOISE]).map(
          (candidates) => ({ present, candidates }),
        ),
      );
    fc.assert(
      fc.property(scenario, ({ present, candidates }) => {
        const expected = LEVELS.find((level) => present.includes(level));
        const resolved = resolvePolicy("cancellation", candidates, TARGET);
        expect(resolved.source_level).toBe(expected ?? "default");
        expect(resolved.config.min_hours_notice).toBe(
          expected ? LEVELS.indexOf(expected) + 10 : DEFAULT_POLICIES.cancellation.min_hours_notice,
        );
      }),
    );
  });

  it("takes every field from the most specific level that sets it, whatever the order", () => {
    const layer = fc.record(
      {
        min_hours_notice: fc.integer({ min: 0, max: 500 }),
        violation_action: fc.constantFrom("warn", "block", "charge_fee"),
      },
      { requiredKeys: [] },
    );
    const scenario = fc.tuple(layer, layer, layer, layer).chain((configs) =>
      shuffled(LEVELS.map((level, i) => row(level, configs[i]))).map((candidates) => ({
        configs,
        candidates,
      })),
    );
    fc.assert(
      fc.property(scenario, ({ configs, candidates }) => {
        const resolved = resolvePolicy("cancellation", candidates, TARGET);
        for (const field of ["min_hours_notice", "violation_action"] as const) {
          const i = configs.findIndex((config) => config[field] !== undefined);
          expect(resolved.sources[field]).toBe(LEVELS[i] ?? "default");
          expect(resolved.config[field]).toBe(configs[i]?.[field] ?? DEFAULT_POLICIES.cancellation[field]);
        }
      }),
    );
  });
});
