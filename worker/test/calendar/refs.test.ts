import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appointmentRef,
  holdOfRef,
  holdPartIndex,
  holdPartRef,
  pendingRef,
  resourceHoldRef,
} from "../../src/calendar/refs";

describe("hold part refs", () => {
  it("name their hold and their part number back, for any part (numerically, not as text)", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 0, max: 40 }), (uuid, part) => {
        const holdId = `hold_${uuid}`;
        const ref = holdPartRef(holdId, part);
        expect(holdOfRef(ref)).toBe(holdId);
        expect(holdPartIndex(ref)).toBe(part);
      }),
    );
    const refs = [10, 2, 0, 1].map((part) => holdPartRef("hold_a", part));
    expect(refs.sort((a, b) => holdPartIndex(a) - holdPartIndex(b))).toEqual([
      "hold_a",
      "hold_a#1",
      "hold_a#2",
      "hold_a#10",
    ]);
  });

  it("leave other refs as they are", () => {
    for (const ref of [appointmentRef({ uid: "u-1" }), pendingRef("u#1"), resourceHoldRef("hold_a")]) {
      expect(holdOfRef(ref)).toBe(ref);
      expect(holdPartIndex(ref)).toBe(0);
    }
  });
});
