import { formatInTimeZone } from "date-fns-tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findSlots,
  isBookable,
  nextFreeSlots,
  type SimpleQuery,
  workingWindows,
} from "../../../src/domain/availability";
import { nextLocalDate, zonedInstant } from "../../../src/domain/zoned-time";
import { shuffled, shuffledCalendar, simpleQueries } from "./arbitraries";
import { datesBetween, localDate, referenceSlots, referenceWindows, slotMap } from "./oracle";

const MINUTE = 60_000;
const DAY = 86_400_000;

function blocked(query: SimpleQuery, start: number) {
  const { service } = query;
  return {
    start: start - service.bufferBeforeMinutes * MINUTE,
    end: start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE,
  };
}

describe("findSlots properties", () => {
  it("offers only bookable starts: inside one working window, clear of busy time, within notice and horizon", () => {
    fc.assert(
      fc.property(simpleQueries, (query) => {
        const slots = findSlots(query);
        for (let i = 1; i < slots.length; i++) expect(slots[i]!.start).toBeGreaterThan(slots[i - 1]!.start);
        for (const slot of slots) {
          expect(slot.staffIds.length).toBeGreaterThan(0);
          expect([...new Set(slot.staffIds)].sort((a, b) => a - b)).toEqual(slot.staffIds);
          expect(slot.end - slot.start).toBe(query.service.durationMinutes * MINUTE);
          expect(slot.start).toBeGreaterThanOrEqual(query.now + query.service.minNoticeMinutes * MINUTE);
          expect(slot.start).toBeLessThanOrEqual(query.now + query.service.maxAdvanceDays * DAY);
          expect(slot.date).toBe(localDate(new Date(slot.start), query.timeZone));
          expect(slot.date >= query.fromDate && slot.date <= query.toDate).toBe(true);
          expect(slot.localStart).toBe(formatInTimeZone(slot.start, query.timeZone, "HH:mm"));
          const midnight = zonedInstant(nextLocalDate(slot.date), "00:00", query.timeZone).getTime();
          expect(slot.localEnd).toBe(
            slot.end === midnight ? "24:00" : formatInTimeZone(slot.end, query.timeZone, "HH:mm"),
          );
          const occupied = blocked(query, slot.start);
          for (const staffId of slot.staffIds) {
            const staff = query.staff.find((s) => s.staffId === staffId)!;
            expect(isBookable(query, staffId, slot.start)).toBe(true);
            const windows = workingWindows(staff, slot.date, query.timeZone);
            expect(windows.some((w) => w.start <= occupied.start && occupied.end <= w.end)).toBe(true);
            for (const busy of staff.busy) {
              expect(busy.end <= occupied.start || occupied.end <= busy.start).toBe(true);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("offers exactly what the literal reference computes (nothing missing, nothing extra)", () => {
    fc.assert(
      fc.property(simpleQueries, (query) => {
        expect(slotMap(findSlots(query))).toEqual(referenceSlots(query));
      }),
      { numRuns: 200 },
    );
  });

  it("computes working windows exactly as the rules say, DST days included", () => {
    fc.assert(
      fc.property(simpleQueries, (query) => {
        for (const staff of query.staff) {
          for (const date of datesBetween(query.fromDate, nextLocalDate(query.toDate))) {
            expect(workingWindows(staff, date, query.timeZone)).toEqual(
              referenceWindows(staff, date, query.timeZone),
            );
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("does not depend on the order of staff, rows or busy intervals", () => {
    fc.assert(
      fc.property(simpleQueries, fc.integer(), (query, seed) => {
        const mixed: SimpleQuery = {
          ...query,
          staff: shuffled(query.staff, seed).map((staff, i) => shuffledCalendar(staff, seed + i)),
        };
        expect(findSlots(mixed)).toEqual(findSlots(query));
        const { toDate: _, ...open } = query;
        const { toDate: __, ...openMixed } = mixed;
        expect(nextFreeSlots(openMixed, 7)).toEqual(nextFreeSlots(open, 7));
      }),
      { numRuns: 100 },
    );
  });

  it("nextFreeSlots(count) is the first `count` of findSlots up to the horizon", () => {
    fc.assert(
      fc.property(simpleQueries, fc.integer({ min: 1, max: 40 }), (query, count) => {
        const { toDate: _, ...open } = query;
        const horizon = localDate(
          new Date(query.now + (query.service.maxAdvanceDays + 1) * DAY),
          query.timeZone,
        );
        expect(nextFreeSlots(open, count)).toEqual(findSlots({ ...query, toDate: horizon }).slice(0, count));
      }),
      { numRuns: 100 },
    );
  });

  it("isBookable agrees with findSlots on every 5-minute instant", () => {
    fc.assert(
      fc.property(simpleQueries, (query) => {
        const offered = slotMap(findSlots(query));
        const first = query.now - DAY;
        const staff = query.staff[0]!;
        for (let t = first - (first % (5 * MINUTE)); t < first + 3 * DAY; t += 5 * MINUTE) {
          expect(isBookable(query, staff.staffId, t)).toBe(offered.get(t)?.includes(staff.staffId) ?? false);
        }
      }),
      { numRuns: 25 },
    );
  });
});
