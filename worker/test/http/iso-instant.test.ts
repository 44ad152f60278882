import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoInstant } from "../../src/http/iso-instant";

describe("isoInstant", () => {
  it("writes every instant exactly as Date#toISOString does", () => {
    const minute = fc.integer({ min: 0, max: 144_000_000 }).map((m) => m * 60_000);
    const anyMs = fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 });
    fc.assert(
      fc.property(fc.oneof(minute, anyMs), (ms) => {
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    expect(isoInstant(Date.UTC(2026, 2, 29, 1, 0))).toBe("2026-03-29T01:00:00.000Z");
    expect(isoInstant(Date.UTC(2026, 11, 31, 23, 59))).toBe("2026-12-31T23:59:00.000Z");
    expect(isoInstant(Date.UTC(10000, 0, 1))).toBe("+010000-01-01T00:00:00.000Z");
  });
});
