import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointments } from "../../../drizzle/schema";
import { api } from "../helpers/api";
import { createApiKey, db } from "../helpers/fixtures";
import { berlin, createSalon } from "../helpers/salon";

/** Booking is limited to 30 per minute per caller, so the crowd uses several partner keys. */
async function keysFor(salon: Awaited<ReturnType<typeof createSalon>>, count: number) {
  return Promise.all(Array.from({ length: count }, async () => (await createApiKey(salon.company)).key));
}

function overlaps(rows: { startsAt: Date; endsAt: Date }[]) {
  const sorted = [...rows].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return sorted.some((row, i) => i > 0 && row.startsAt.getTime() < sorted[i - 1]!.endsAt.getTime());
}

const SALON = {
  durationMinutes: 300,
  slotIntervalMinutes: 5,
  hours: { start: "07:00", end: "21:00" },
};

describe("concurrent booking", () => {
  it("50 simultaneous requests for overlapping times of one staff member: exactly one wins, 49 get 409", async () => {
    const salon = await createSalon({ ...SALON, staffCount: 1, customers: 50 });
    const keys = await keysFor(salon, 5);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const minutes = 9 * 60 + i * 5;
        const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        return api("/api/v2/bookings", {
          apiKey: keys[i % keys.length],
          body: {
            customer_id: salon.customerIds[i],
            service_id: salon.serviceId,
            staff_id: salon.staffIds[0],
            starts_at: berlin("2027-04-06", time),
          },
        });
      }),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(rows).toHaveLength(1);
  });

  it("50 simultaneous requests spread over 10 staff members: one per staff member, no overlap anywhere", async () => {
    const salon = await createSalon({ ...SALON, staffCount: 10, customers: 50 });
    const keys = await keysFor(salon, 5);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api("/api/v2/bookings", {
          apiKey: keys[i % keys.length],
          body: {
            customer_id: salon.customerIds[i],
            service_id: salon.serviceId,
            staff_id: salon.staffIds[i % 10],
            starts_at: berlin(
              "2027-04-07",
              `${String(9 + Math.floor(i / 10)).padStart(2, "0")}:${String((i % 10) * 5).padStart(2, "0")}`,
            ),
          },
        }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(10);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(40);
    for (const staffId of salon.staffIds) {
      const rows = await db
        .select({ startsAt: appointments.blockedFrom, endsAt: appointments.blockedUntil })
        .from(appointments)
        .where(
          and(eq(appointments.staffId, staffId), inArray(appointments.status, ["confirmed", "pending"])),
        );
      expect(rows).toHaveLength(1);
      expect(overlaps(rows)).toBe(false);
    }
  });
});
