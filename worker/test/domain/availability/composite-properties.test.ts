import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CompositeQuery, findCompositeSlots, workingWindows } from "../../../src/domain/availability";
import { nextLocalDate } from "../../../src/domain/zoned-time";
import { compositeQueries, shuffled, shuffledCalendar } from "./arbitraries";
import { referenceComposite } from "./oracle";

const MINUTE = 60_000;

describe("findCompositeSlots properties", () => {
  it("assigns every segment in order, inside its staff member's hours, free, with gaps in bounds", () => {
    fc.assert(
      fc.property(compositeQueries, (query) => {
        const slots = findCompositeSlots(query);
        for (let i = 1; i < slots.length; i++) expect(slots[i]!.start).toBeGreaterThan(slots[i - 1]!.start);
        for (const slot of slots) {
          expect(slot.segments.map((s) => s.key)).toEqual(query.segments.map((s) => s.key));
          expect(slot.segments[0]!.start).toBe(slot.start);
          expect(slot.segments[slot.segments.length - 1]!.end).toBe(slot.end);
          const occupied: { staffId: number; from: number; to: number }[] = [];
          slot.segments.forEach((assigned, i) => {
            const input = query.segments[i]!;
            expect(assigned.end - assigned.start).toBe(input.durationMinutes * MINUTE);
            const next = slot.segments[i + 1];
            if (next) {
              const gap = (next.start - assigned.end) / MINUTE;
              expect(gap).toBeGreaterThanOrEqual(input.gapAfterMinMinutes);
              expect(gap).toBeLessThanOrEqual(input.gapAfterMaxMinutes);
              expect((gap - input.gapAfterMinMinutes) % 5).toBe(0);
            }
            const to = next && input.staffBusyDuringGap ? next.start : assigned.end;
            const staff = input.staff.find((s) => s.staffId === assigned.staffId)!;
            expect(staff).toBeDefined();
            const windows = [
              ...workingWindows(staff, slot.date, query.timeZone),
              ...workingWindows(staff, nextLocalDate(slot.date), query.timeZone),
            ];
            const covered =
              windows.some((w) => w.start <= assigned.start && to <= w.end) ||
              // A window ending at 24:00 continues into one starting at 00:00 the next day.
              windows.some(
                (w) => w.start <= assigned.start && windows.some((v) => v.start === w.end && to <= v.end),
              );
            expect(covered).toBe(true);
            for (const busy of staff.busy) expect(busy.end <= assigned.start || to <= busy.start).toBe(true);
            for (const other of occupied) {
              if (other.staffId === assigned.staffId)
                expect(other.to <= assigned.start || to <= other.from).toBe(true);
            }
            occupied.push({ staffId: assigned.staffId, from: assigned.start, to });
          });
          if (query.resources) {
            const resource = query.resources.find((r) => r.resourceId === slot.resourceId)!;
            expect(resource).toBeDefined();
            for (const busy of resource.busy)
              expect(busy.end <= slot.start || slot.end <= busy.start).toBe(true);
          } else {
            expect(slot.resourceId).toBeUndefined();
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("matches an exhaustive search exactly: same starts, timings, staff and resources", () => {
    fc.assert(
      fc.property(compositeQueries, (query) => {
        expect(findCompositeSlots(query)).toEqual(referenceComposite(query));
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on the order of staff, rows, busy intervals or resources", () => {
    fc.assert(
      fc.property(compositeQueries, fc.integer(), (query, seed) => {
        const mixed: CompositeQuery = {
          ...query,
          segments: query.segments.map((segment, i) => ({
            ...segment,
            staff: shuffled(segment.staff, seed + i).map((staff, j) =>
              shuffledCalendar(staff, seed + 10 * i + j),
            ),
          })),
        };
        if (query.resources) {
          mixed.resources = shuffled(query.resources, seed).map((r) => ({
            ...r,
            busy: shuffled(r.busy, seed + 1),
          }));
        }
        expect(findCompositeSlots(mixed)).toEqual(findCompositeSlots(query));
      }),
      { numRuns: 100 },
    );
  });

  it("returns a prefix of the full list under a limit", () => {
    fc.assert(
      fc.property(compositeQueries, fc.integer({ min: 1, max: 10 }), (query, limit) => {
        expect(findCompositeSlots(query, limit)).toEqual(findCompositeSlots(query).slice(0, limit));
      }),
      { numRuns: 50 },
    );
  });
});
