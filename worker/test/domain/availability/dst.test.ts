import { formatInTimeZone } from "date-fns-tz";
import { describe, expect, it } from "vitest";
import { findSlots, isBookable, nextFreeSlots, workingWindows } from "../../../src/domain/availability";
import { at, BERLIN, HOUR, hours, MINUTE, simpleQuery, staff } from "./fixtures";

const SPRING = "2026-03-29"; // last Sunday of March: 02:00 → 03:00
const AUTUMN = "2026-10-25"; // last Sunday of October: 03:00 → 02:00
const SUNDAY = 0;
const service = { durationMinutes: 30, slotIntervalMinutes: 15 };

function sundaySlots(date: string, from: string, to: string) {
  return findSlots(simpleQuery(date, date, [staff(1, [hours(SUNDAY, from, to)])], service));
}

function expectWellFormed(slots: ReturnType<typeof findSlots>) {
  const startsSeen = new Set(slots.map((slot) => slot.start));
  expect(startsSeen.size).toBe(slots.length);
  for (const slot of slots) {
    expect(slot.end - slot.start).toBe(30 * MINUTE);
    expect(slot.localStart).toBe(formatInTimeZone(slot.start, BERLIN, "HH:mm"));
    expect(slot.localEnd).toBe(formatInTimeZone(slot.end, BERLIN, "HH:mm"));
    expect(Number(slot.localStart.slice(3)) % 15).toBe(0);
  }
}

describe("DST change days in Europe/Berlin", () => {
  it("gives the spring window 00:00–06:00 its real five hours, with no start in the missing hour", () => {
    const windows = workingWindows(staff(1, [hours(SUNDAY, "00:00", "06:00")]), SPRING, BERLIN);
    expect(windows).toEqual([{ start: at(SPRING, "00:00"), end: at(SPRING, "06:00") }]);
    expect(windows[0]!.end - windows[0]!.start).toBe(5 * HOUR);
    const slots = sundaySlots(SPRING, "00:00", "06:00");
    expectWellFormed(slots);
    expect(slots).toHaveLength((5 * 60 - 30) / 15 + 1);
    expect(slots.some((slot) => slot.localStart.startsWith("02:"))).toBe(false);
    // The slot straddling the gap lasts 30 real minutes: 01:45 → 03:15.
    expect(slots.find((slot) => slot.localStart === "01:45")!.localEnd).toBe("03:15");
    expect(slots[slots.length - 1]!.localStart).toBe("05:30");
  });

  it("handles a spring window 01:00–05:00 that crosses the gap", () => {
    const slots = sundaySlots(SPRING, "01:00", "05:00");
    expectWellFormed(slots);
    expect(slots).toHaveLength((3 * 60 - 30) / 15 + 1);
    expect(slots.map((slot) => slot.localStart).slice(0, 5)).toEqual([
      "01:00",
      "01:15",
      "01:30",
      "01:45",
      "03:00",
    ]);
  });

  it("gives the autumn window 00:00–06:00 its real seven hours, the repeated hour offered twice", () => {
    const slots = sundaySlots(AUTUMN, "00:00", "06:00");
    expectWellFormed(slots);
    expect(slots).toHaveLength((7 * 60 - 30) / 15 + 1);
    const repeated = slots.filter((slot) => slot.localStart === "02:15");
    expect(repeated).toHaveLength(2);
    expect(repeated[1]!.start - repeated[0]!.start).toBe(HOUR);
  });

  it("handles an autumn window 01:00–05:00 (five real hours)", () => {
    const slots = sundaySlots(AUTUMN, "01:00", "05:00");
    expectWellFormed(slots);
    expect(slots).toHaveLength((5 * 60 - 30) / 15 + 1);
  });

  it("offers normal business hours exactly as on an ordinary Sunday", () => {
    const ordinary = sundaySlots("2026-03-22", "09:00", "18:00");
    for (const date of [SPRING, AUTUMN]) {
      const slots = sundaySlots(date, "09:00", "18:00");
      expectWellFormed(slots);
      expect(slots.map((slot) => slot.localStart)).toEqual(ordinary.map((slot) => slot.localStart));
      expect(slots[0]!.start).toBe(at(date, "09:00"));
    }
  });

  it("agrees with isBookable and nextFreeSlots across the change", () => {
    for (const date of [SPRING, AUTUMN]) {
      const query = simpleQuery(date, date, [staff(1, [hours(SUNDAY, "00:00", "06:00")])], service);
      const offered = new Set(findSlots(query).map((slot) => slot.start));
      const dayStart = at(date, "00:00");
      for (let t = dayStart - HOUR; t < dayStart + 8 * HOUR; t += 5 * MINUTE) {
        expect(isBookable(query, 1, t)).toBe(offered.has(t));
      }
      const { toDate: _, ...open } = query;
      expect(nextFreeSlots({ ...open, now: dayStart }, 6)).toEqual(findSlots(query).slice(0, 6));
    }
  });

  it("keeps 45-minute grids on wall-clock multiples after the change", () => {
    const slots = findSlots(
      simpleQuery(SPRING, SPRING, [staff(1, [hours(SUNDAY, "00:00", "06:00")])], {
        durationMinutes: 45,
        slotIntervalMinutes: 45,
      }),
    );
    expect(slots.map((slot) => slot.localStart)).toEqual([
      "00:00",
      "00:45",
      "01:30",
      "03:00",
      "03:45",
      "04:30",
      "05:15",
    ]);
  });
});
