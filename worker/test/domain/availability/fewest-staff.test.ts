import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fewestStaff } from "../../../src/domain/availability/fewest-staff";

const slotsArb = fc.array(
  fc
    .uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 })
    .map((staffIds) => ({ staffIds })),
  { minLength: 0, maxLength: 6 },
);

describe("who takes the offered slots", () => {
  it("names one person for times they are all free at, and the wished one wherever free", () => {
    expect(fewestStaff([{ staffIds: [1, 2] }, { staffIds: [3, 2] }, { staffIds: [2] }], undefined)).toEqual([
      2, 2, 2,
    ]);
    expect(fewestStaff([{ staffIds: [1, 2] }, { staffIds: [3] }, { staffIds: [1] }], 3)).toEqual([1, 3, 1]);
    expect(fewestStaff([{ staffIds: [4, 5] }, { staffIds: [5, 4] }], undefined)).toEqual([4, 4]);
    // Greedy alone would name 6, then 5, then 2; the slots' first-listed people are two.
    const tricky = [[5], [5, 6], [2, 6], [2, 6], [2, 1]].map((staffIds) => ({ staffIds }));
    expect(fewestStaff(tricky, undefined)).toEqual([5, 5, 2, 2, 2]);
  });

  it("only ever names someone free at the slot, keeps the wish, and needs one name when one would do", () => {
    fc.assert(
      fc.property(
        slotsArb,
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        (slots, wanted) => {
          const chosen = fewestStaff(slots, wanted);
          expect(chosen).toHaveLength(slots.length);
          chosen.forEach((id, i) => {
            expect(slots[i]!.staffIds).toContain(id);
            if (wanted !== undefined && slots[i]!.staffIds.includes(wanted)) expect(id).toBe(wanted);
          });
          const everywhere =
            slots[0]?.staffIds.filter((id) => slots.every((s) => s.staffIds.includes(id))) ?? [];
          if (wanted === undefined && everywhere.length > 0) expect(new Set(chosen).size).toBe(1);
          // Never more names than the first-listed choice would give.
          const naive = new Set(slots.map((s) => s.staffIds[0]));
          if (wanted === undefined) expect(new Set(chosen).size).toBeLessThanOrEqual(Math.max(naive.size, 1));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
