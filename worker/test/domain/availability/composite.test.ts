import { describe, expect, it } from "vitest";
import { type CompositeQuery, findCompositeSlots } from "../../../src/domain/availability";
import { at, BERLIN, hours, segment, span, staff } from "./fixtures";

const TUESDAY = "2026-06-02";
const TUE = 2;

function composite(
  segments: CompositeQuery["segments"],
  extra: Partial<CompositeQuery> = {},
): CompositeQuery {
  return {
    timeZone: BERLIN,
    fromDate: TUESDAY,
    toDate: TUESDAY,
    now: at("2026-01-01", "00:00"),
    slotIntervalMinutes: 30,
    minNoticeMinutes: 0,
    maxAdvanceDays: 365,
    segments,
    ...extra,
  };
}

/** Colour (30 min), 30 min processing, then a cut (30 min) — the classic salon composite. */
function colourAndCut(colourist: ReturnType<typeof staff>, busyDuringGap: boolean, cutters = [colourist]) {
  return [
    segment("colour", 30, [colourist], {
      gapAfterMinMinutes: 30,
      gapAfterMaxMinutes: 30,
      staffBusyDuringGap: busyDuringGap,
    }),
    segment("cut", 30, cutters, { sameStaffAsPrevious: true }),
  ];
}

describe("findCompositeSlots", () => {
  // Staff 1 works 09:00–12:00 and serves another customer 09:30–10:00.
  const anna = staff(1, [hours(TUE, "09:00", "12:00")], { busy: [span(TUESDAY, "09:30", "10:00")] });

  it("lets the staff member serve someone else while the colour processes", () => {
    const slots = findCompositeSlots(composite(colourAndCut(anna, false)));
    const first = slots[0]!;
    expect(first.localStart).toBe("09:00");
    expect(first.localEnd).toBe("10:30");
    expect(first.segments).toEqual([
      { key: "colour", staffId: 1, start: at(TUESDAY, "09:00"), end: at(TUESDAY, "09:30") },
      { key: "cut", staffId: 1, start: at(TUESDAY, "10:00"), end: at(TUESDAY, "10:30") },
    ]);
    expect(first.resourceId).toBeUndefined();
  });

  it("does not when the processing time blocks the staff member", () => {
    const slots = findCompositeSlots(composite(colourAndCut(anna, true)));
    expect(slots.map((slot) => slot.localStart)).toEqual(["10:00", "10:30"]);
  });

  it("offers no slot at a start whose second segment's only qualified staff member is busy", () => {
    const colourist = staff(1, [hours(TUE, "09:00", "12:00")]);
    const cutter = staff(2, [hours(TUE, "09:00", "12:00")], { busy: [span(TUESDAY, "10:00", "10:30")] });
    const slots = findCompositeSlots(composite(colourAndCut(colourist, true, [cutter])));
    expect(slots.map((slot) => slot.localStart)).toEqual(["09:30", "10:00", "10:30"]);
    expect(slots[0]!.segments.map((s) => s.staffId)).toEqual([1, 2]);
  });

  it("moves a segment within its gap range to the earliest feasible 5-minute step", () => {
    const colourist = staff(1, [hours(TUE, "09:00", "12:00")]);
    const cutter = staff(2, [hours(TUE, "09:00", "12:00")], { busy: [span(TUESDAY, "09:30", "09:40")] });
    const segments = [
      segment("wash", 30, [colourist], {
        gapAfterMinMinutes: 0,
        gapAfterMaxMinutes: 20,
        staffBusyDuringGap: false,
      }),
      segment("cut", 30, [cutter]),
    ];
    const first = findCompositeSlots(composite(segments), 1)[0]!;
    expect(first.segments[1]!.start).toBe(at(TUESDAY, "09:40"));
    expect(first.localEnd).toBe("10:10");
  });

  it("prefers the previous segment's staff member, else the lowest id", () => {
    const a = staff(1, [hours(TUE, "09:00", "12:00")], { busy: [span(TUESDAY, "09:00", "09:30")] });
    const b = staff(2, [hours(TUE, "09:00", "12:00")]);
    const segments = [segment("wash", 30, [b, a]), segment("cut", 30, [a, b], { sameStaffAsPrevious: true })];
    const first = findCompositeSlots(composite(segments), 1)[0]!;
    expect(first.segments.map((s) => s.staffId)).toEqual([2, 2]);
    const noPreference = [segment("wash", 30, [b, a]), segment("cut", 30, [a, b])];
    expect(findCompositeSlots(composite(noPreference), 1)[0]!.segments.map((s) => s.staffId)).toEqual([2, 1]);
  });

  it("skips a staff member who is busy during a gap that blocks them", () => {
    const busyLater = staff(1, [hours(TUE, "09:00", "12:00")], { busy: [span(TUESDAY, "09:45", "10:00")] });
    const free = staff(2, [hours(TUE, "09:00", "12:00")]);
    const segments = [
      segment("colour", 30, [busyLater, free], { gapAfterMinMinutes: 30, gapAfterMaxMinutes: 30 }),
      segment("cut", 30, [busyLater, free]),
    ];
    const first = findCompositeSlots(composite(segments), 1)[0]!;
    expect(first.localStart).toBe("09:00");
    expect(first.segments.map((s) => s.staffId)).toEqual([2, 1]);
  });

  it("never gives one staff member overlapping parts of the same composite", () => {
    const only = staff(1, [hours(TUE, "09:00", "12:00")]);
    const slots = findCompositeSlots(composite([segment("a", 30, [only]), segment("b", 30, [only])]));
    for (const slot of slots) expect(slot.segments[0]!.end).toBeLessThanOrEqual(slot.segments[1]!.start);
    expect(slots).toHaveLength(5);
  });

  it("needs one chair free for the whole span, processing included", () => {
    const colourist = staff(1, [hours(TUE, "09:00", "12:00")]);
    const segments = colourAndCut(colourist, false);
    const chairBusyDuringGap = { resourceId: 7, busy: [span(TUESDAY, "09:40", "09:50")] };
    const blocked = findCompositeSlots(composite(segments, { resources: [chairBusyDuringGap] }));
    expect(blocked.map((slot) => slot.localStart)).toEqual(["10:00", "10:30"]);
    const freeChair = { resourceId: 9, busy: [] };
    const withSpare = findCompositeSlots(composite(segments, { resources: [freeChair, chairBusyDuringGap] }));
    expect(withSpare.map((slot) => [slot.localStart, slot.resourceId])).toEqual([
      ["09:00", 9],
      ["09:30", 9],
      ["10:00", 7],
      ["10:30", 7],
    ]);
    expect(findCompositeSlots(composite(segments, { resources: [] }))).toEqual([]);
  });

  it("keeps serviceId when given and stops at the limit", () => {
    const person = staff(1, [hours(TUE, "09:00", "12:00")]);
    const slots = findCompositeSlots(composite([segment("cut", 30, [person], { serviceId: 42 })]), 2);
    expect(slots).toHaveLength(2);
    expect(slots[0]!.segments[0]).toEqual({
      key: "cut",
      serviceId: 42,
      staffId: 1,
      start: at(TUESDAY, "09:00"),
      end: at(TUESDAY, "09:30"),
    });
    expect(findCompositeSlots(composite([segment("cut", 30, [person])]), 0)).toEqual([]);
  });
});
