import { describe, expect, it } from "vitest";
import { findSlots, isBookable, nextFreeSlots } from "../../../src/domain/availability";
import { at, hours, MINUTE, override, simpleQuery, span, staff, starts } from "./fixtures";

const TUESDAY = "2026-06-02";
const WEDNESDAY = "2026-06-03";
const THURSDAY = "2026-06-04";
const TUE = 2;
const WED = 3;
const THU = 4;
const lunch = { breakStart: "12:00", breakEnd: "13:00" };

describe("findSlots: one staff member, one service", () => {
  it("offers a normal Tuesday around the lunch break", () => {
    const slots = findSlots(simpleQuery(TUESDAY, TUESDAY, [staff(1, [hours(TUE, "09:00", "17:00", lunch)])]));
    expect(starts(slots)).toEqual([
      "09:00",
      "09:30",
      "10:00",
      "10:30",
      "11:00",
      "13:00",
      "13:30",
      "14:00",
      "14:30",
      "15:00",
      "15:30",
      "16:00",
    ]);
    expect(slots[0]).toEqual({
      start: at(TUESDAY, "09:00"),
      end: at(TUESDAY, "10:00"),
      date: TUESDAY,
      localStart: "09:00",
      localEnd: "10:00",
      staffIds: [1],
    });
  });

  it("keeps the buffers inside working time and clear of appointments", () => {
    const service = {
      durationMinutes: 60,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      slotIntervalMinutes: 15,
    };
    const free = staff(1, [hours(TUE, "09:00", "12:00")]);
    expect(starts(findSlots(simpleQuery(TUESDAY, TUESDAY, [free], service)))).toEqual([
      "09:15",
      "09:30",
      "09:45",
      "10:00",
      "10:15",
      "10:30",
      "10:45",
    ]);
    const booked = staff(1, [hours(TUE, "09:00", "12:00")], { busy: [span(TUESDAY, "10:00", "10:30")] });
    const slots = findSlots(simpleQuery(TUESDAY, TUESDAY, [booked], service));
    expect(starts(slots)).toEqual(["10:45"]);
    // The slot itself is the service only; buffers are not part of the customer's time.
    expect(slots[0]!.end - slots[0]!.start).toBe(60 * MINUTE);
  });

  it("honours minimum notice and the advance horizon", () => {
    const person = staff(
      1,
      [TUE, WED, THU].map((day) => hours(day, "09:00", "17:00")),
    );
    const now = at(TUESDAY, "10:07");
    const query = simpleQuery(
      TUESDAY,
      THURSDAY,
      [person],
      {
        slotIntervalMinutes: 15,
        minNoticeMinutes: 60,
        maxAdvanceDays: 1,
      },
      now,
    );
    const slots = findSlots(query);
    expect(slots[0]!.localStart).toBe("11:15");
    expect(slots[0]!.date).toBe(TUESDAY);
    const last = slots[slots.length - 1]!;
    expect([last.date, last.localStart]).toEqual([WEDNESDAY, "10:00"]);
    expect(slots.some((slot) => slot.date === THURSDAY)).toBe(false);
  });

  it("replaces the weekly hours with the staff member's override: closed, or special hours", () => {
    const weekly = [hours(TUE, "09:00", "17:00")];
    const closed = staff(1, weekly, { overrides: [override(TUESDAY, { staffId: 1, isClosed: true })] });
    expect(findSlots(simpleQuery(TUESDAY, TUESDAY, [closed]))).toEqual([]);
    const special = staff(1, weekly, {
      overrides: [
        override(TUESDAY, {
          staffId: 1,
          startTime: "10:00",
          endTime: "14:00",
          breakStart: "11:00",
          breakEnd: "12:00",
        }),
      ],
    });
    expect(starts(findSlots(simpleQuery(TUESDAY, TUESDAY, [special])))).toEqual([
      "10:00",
      "12:00",
      "12:30",
      "13:00",
    ]);
  });

  it("applies a branch-wide override to everyone, unless a staff member has their own", () => {
    const branchClosed = override(TUESDAY, { isClosed: true });
    const weekly = [hours(TUE, "09:00", "11:00")];
    const a = staff(1, weekly, { overrides: [branchClosed] });
    const b = staff(2, weekly, {
      overrides: [branchClosed, override(TUESDAY, { staffId: 2, startTime: "15:00", endTime: "16:00" })],
    });
    const slots = findSlots(simpleQuery(TUESDAY, TUESDAY, [a, b]));
    expect(slots.map((slot) => [slot.localStart, slot.staffIds])).toEqual([["15:00", [2]]]);
    // Another staff member's personal override does not touch this calendar.
    const c = staff(3, weekly, { overrides: [override(TUESDAY, { staffId: 99, isClosed: true })] });
    expect(starts(findSlots(simpleQuery(TUESDAY, TUESDAY, [c])))).toEqual(["09:00", "09:30", "10:00"]);
  });

  it("treats time off like any other busy interval", () => {
    const person = staff(1, [hours(TUE, "09:00", "17:00")], {
      busy: [{ start: at(TUESDAY, "11:00"), end: at(THURSDAY, "09:00") }],
    });
    const slots = findSlots(simpleQuery(TUESDAY, WEDNESDAY, [person]));
    expect(starts(slots)).toEqual(["09:00", "09:30", "10:00"]);
  });

  it("uses weekly rows only within validFrom/validUntil and when available", () => {
    const person = staff(1, [
      hours(TUE, "09:00", "11:00", { validUntil: "2026-06-09" }),
      hours(TUE, "14:00", "16:00", { validFrom: "2026-06-10" }),
      hours(TUE, "18:00", "20:00", { isAvailable: false }),
    ]);
    const slots = findSlots(simpleQuery("2026-06-01", "2026-06-17", [person], { slotIntervalMinutes: 60 }));
    expect(slots.map((slot) => `${slot.date} ${slot.localStart}`)).toEqual([
      "2026-06-02 09:00",
      "2026-06-02 10:00",
      "2026-06-09 09:00",
      "2026-06-09 10:00",
      "2026-06-16 14:00",
      "2026-06-16 15:00",
    ]);
  });

  it("labels a slot that ends at midnight '24:00'", () => {
    const person = staff(1, [hours(TUE, "22:00", "24:00")]);
    const slots = findSlots(simpleQuery(TUESDAY, TUESDAY, [person], { slotIntervalMinutes: 60 }));
    expect(slots.map((slot) => [slot.localStart, slot.localEnd])).toEqual([
      ["22:00", "23:00"],
      ["23:00", "24:00"],
    ]);
    expect(slots[1]!.end).toBe(at(WEDNESDAY, "00:00"));
  });

  it("unites split shifts that touch, so a slot may run across the seam", () => {
    const person = staff(1, [hours(TUE, "09:00", "10:30"), hours(TUE, "10:30", "11:00")]);
    expect(starts(findSlots(simpleQuery(TUESDAY, TUESDAY, [person])))).toEqual(["09:00", "09:30", "10:00"]);
  });
});

describe("findSlots: any qualified staff", () => {
  it("merges per start, listing every free staff member in ascending order", () => {
    const early = staff(2, [hours(TUE, "09:00", "11:00")]);
    const late = staff(1, [hours(TUE, "10:00", "12:00")], { busy: [span(TUESDAY, "11:00", "11:30")] });
    const slots = findSlots(simpleQuery(TUESDAY, TUESDAY, [early, late]));
    expect(slots.map((slot) => [slot.localStart, slot.staffIds])).toEqual([
      ["09:00", [2]],
      ["09:30", [2]],
      ["10:00", [1, 2]],
    ]);
  });

  it("returns nothing without staff or for an empty range", () => {
    expect(findSlots(simpleQuery(TUESDAY, TUESDAY, []))).toEqual([]);
    expect(findSlots(simpleQuery(WEDNESDAY, TUESDAY, [staff(1, [hours(TUE, "09:00", "17:00")])]))).toEqual(
      [],
    );
  });
});

describe("nextFreeSlots", () => {
  const person = staff(1, [hours(TUE, "09:00", "10:00"), hours(THU, "09:00", "12:00")]);

  it("returns the first starts from now across days", () => {
    const now = at(TUESDAY, "09:10");
    const { toDate: _, ...query } = simpleQuery(
      TUESDAY,
      TUESDAY,
      [person],
      { slotIntervalMinutes: 30, durationMinutes: 30 },
      now,
    );
    const slots = nextFreeSlots(query, 3);
    expect(slots.map((slot) => `${slot.date} ${slot.localStart}`)).toEqual([
      "2026-06-02 09:30",
      "2026-06-04 09:00",
      "2026-06-04 09:30",
    ]);
    expect(nextFreeSlots(query, 0)).toEqual([]);
  });

  it("stops at the advance horizon", () => {
    const now = at(TUESDAY, "12:00");
    const { toDate: _, ...query } = simpleQuery(TUESDAY, TUESDAY, [person], { maxAdvanceDays: 1 }, now);
    expect(nextFreeSlots(query, 5)).toEqual([]);
  });
});

describe("isBookable", () => {
  const person = staff(1, [hours(TUE, "09:00", "12:00")], { busy: [span(TUESDAY, "10:00", "10:30")] });
  const query = simpleQuery(TUESDAY, TUESDAY, [person], { slotIntervalMinutes: 15, durationMinutes: 30 });

  it("accepts exactly the starts findSlots offers", () => {
    const offered = new Set(findSlots(query).map((slot) => slot.start));
    for (let t = at(TUESDAY, "08:00"); t < at(TUESDAY, "13:00"); t += 5 * MINUTE) {
      expect(isBookable(query, 1, t)).toBe(offered.has(t));
    }
    expect(offered.size).toBeGreaterThan(0);
  });

  it("refuses unknown staff, off-grid starts and starts outside the date range", () => {
    expect(isBookable(query, 2, at(TUESDAY, "09:00"))).toBe(false);
    expect(isBookable(query, 1, at(TUESDAY, "09:05"))).toBe(false);
    expect(
      isBookable({ ...query, toDate: "2026-06-01", fromDate: "2026-06-01" }, 1, at(TUESDAY, "09:00")),
    ).toBe(false);
    expect(isBookable(query, 1, at(TUESDAY, "09:00"))).toBe(true);
  });
});
