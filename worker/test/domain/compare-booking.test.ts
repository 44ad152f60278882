import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attendeeMatches,
  compareBooking,
  type PlatformBooking,
  type PlatformStatus,
  syncedStatusOfPlatform,
} from "../../src/domain/calendar-sync/compare-booking";

const platformStatus = fc.constantFrom<PlatformStatus>(
  "pending",
  "confirmed",
  "in_progress",
  "completed",
  "cancelled",
  "no_show",
);
const booking = fc.record({
  appointmentId: fc.integer({ min: 1, max: 1e6 }),
  start: fc.integer({ min: 1.7e12, max: 1.9e12 }).map((ms) => ms - (ms % 300_000)),
  status: platformStatus,
  customer: fc.record({
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
    email: fc.option(fc.emailAddress(), { nil: null }),
    phone: fc.option(fc.constantFrom("+4915112345678", "+493012345678"), { nil: null }),
  }),
});

/** The Cal.com booking a correct push of `p` produces. */
const mirrorOf = (p: PlatformBooking & { end: number }) => ({
  uid: "u",
  start: p.start,
  end: p.end,
  status: ({ pending: "pending", accepted: "accepted", cancelled: "cancelled" } as const)[
    syncedStatusOfPlatform(p.status)
  ],
  attendees: [{ name: p.customer.name, email: p.customer.email, phone: p.customer.phone }],
});

describe("compareBooking", () => {
  it("finds nothing between an appointment and its faithful mirror", () => {
    fc.assert(
      fc.property(booking, (b) => {
        const p = { ...b, end: b.start + 1_800_000 };
        expect(compareBooking(p, mirrorOf(p))).toEqual([]);
      }),
    );
  });

  it("reports a moved booking as a time mismatch with both values, and only that", () => {
    fc.assert(
      fc.property(
        booking.filter((b) => b.status !== "cancelled"),
        fc.integer({ min: 1, max: 500 }),
        (b, shift) => {
          const p = { ...b, end: b.start + 1_800_000 };
          const moved = { ...mirrorOf(p), start: p.start + shift * 300_000 };
          expect(compareBooking(p, moved)).toEqual([
            {
              issue: "time_mismatch",
              platform: new Date(p.start).toISOString(),
              calcom: new Date(moved.start).toISOString(),
            },
          ]);
        },
      ),
    );
  });

  it("ignores times and attendees once both sides are cancelled", () => {
    const p = {
      appointmentId: 1,
      start: 0,
      end: 1,
      status: "cancelled" as const,
      customer: { name: "A", email: null, phone: null },
    };
    expect(
      compareBooking(p, {
        uid: "u",
        start: 99,
        end: 100,
        status: "rejected",
        attendees: [{ name: "B", email: null, phone: null }],
      }),
    ).toEqual([]);
  });

  it("matches attendees by email, phone or a name that differs only in accents and case", () => {
    const customer = { name: "Jürgen  Müller", email: "J@Example.test", phone: "+4915112345678" };
    expect(attendeeMatches(customer, [{ name: "x", email: "j@example.test", phone: null }])).toBe(true);
    expect(attendeeMatches(customer, [{ name: "x", email: null, phone: "+4915112345678" }])).toBe(true);
    expect(attendeeMatches(customer, [{ name: "jurgen muller", email: null, phone: null }])).toBe(true);
    expect(attendeeMatches(customer, [{ name: "Petra Schmidt", email: "p@example.test", phone: null }])).toBe(
      false,
    );
  });
});
