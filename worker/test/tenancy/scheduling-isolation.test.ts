import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointments } from "../../../drizzle/schema";
import { createApp } from "../../src/app";
import { api, json } from "../helpers/api";
import { db } from "../helpers/fixtures";
import { berlin, createSalon } from "../helpers/salon";

/**
 * Guarantee 3 for the scheduling routes: company B calling with company A's appointment, hold,
 * series, staff and service ids gets 404 (records) or 422 (references), and nothing changes.
 */
const COVERED = [
  "/api/v2/availability/simple",
  "/api/v2/availability/composite",
  "/api/v2/bookings",
  "/api/v2/bookings/composite",
  "/api/v2/bookings/recurring",
  "/api/v2/bookings/:id",
  "/api/v2/bookings/:id/reschedule",
  "/api/v2/bookings/:id/confirm",
  "/api/v2/bookings/:id/start",
  "/api/v2/bookings/:id/complete",
  "/api/v2/bookings/:id/no_show",
  "/api/v2/holds",
  "/api/v2/holds/:hold_id",
  "/api/v2/series/:id",
  "/api/v2/series/:id/reschedule",
];

describe("tenant isolation of scheduling routes", () => {
  it("knows every /api/v2 route", () => {
    const paths = new Set(
      createApp()
        .routes.map((r) => r.path)
        // The Cal.com sync routes have their own isolation test (calcom-isolation.test.ts).
        .filter((p) => p.startsWith("/api/v2/") && !p.startsWith("/api/v2/calcom/")),
    );
    expect([...paths].sort()).toEqual([...COVERED].sort());
  });

  it("answers 404 or 422 to another company and changes nothing", async () => {
    const a = await createSalon({ staffCount: 1 });
    const b = await createSalon({ staffCount: 1 });
    const booked = await json<{ appointment_id: number }>(
      await api("/api/v2/bookings", {
        apiKey: a.key,
        body: {
          customer_id: a.customerIds[0],
          service_id: a.serviceId,
          staff_id: a.staffIds[0],
          starts_at: berlin("2027-08-03", "10:00"),
        },
      }),
    );
    const hold = await json<{ data: { hold_id: string } }>(
      await api("/api/v2/holds", {
        apiKey: a.key,
        body: { service_id: a.serviceId, staff_id: a.staffIds[0], starts_at: berlin("2027-08-03", "12:00") },
      }),
    );
    const series = await json<{ series_id: number }>(
      await api("/api/v2/bookings/recurring", {
        apiKey: a.key,
        body: {
          customer_id: a.customerIds[0],
          service_id: a.serviceId,
          staff_id: a.staffIds[0],
          starts_at: berlin("2027-08-04", "10:00"),
          recurrence: { frequency: "weekly", count: 4 },
        },
      }),
    );
    const id = booked.appointment_id;
    const before = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, a.company.companyId));

    const records: [string, string, unknown?][] = [
      ["GET", `/api/v2/bookings/${id}`],
      ["PATCH", `/api/v2/bookings/${id}`, { internal_notes: "x", expected_version: 1 }],
      ["PATCH", `/api/v2/bookings/${id}/reschedule`, { new_starts_at: berlin("2027-08-03", "14:00") }],
      ["DELETE", `/api/v2/bookings/${id}`, {}],
      ["POST", `/api/v2/bookings/${id}/confirm`],
      ["POST", `/api/v2/bookings/${id}/start`],
      ["POST", `/api/v2/bookings/${id}/complete`],
      ["POST", `/api/v2/bookings/${id}/no_show`],
      ["DELETE", `/api/v2/holds/${hold.data.hold_id}`],
      ["DELETE", `/api/v2/series/${series.series_id}`, {}],
      ["PATCH", `/api/v2/series/${series.series_id}/reschedule`, { shift: { days: 1, minutes: 0 } }],
    ];
    for (const [method, path, body] of records) {
      const res = await api(path, { method, apiKey: b.key, ...(body === undefined ? {} : { body }) });
      expect(res.status, `${method} ${path}`).toBe(404);
    }

    const foreignIds = { customer_id: a.customerIds[0], service_id: a.serviceId, staff_id: a.staffIds[0] };
    const references: [string, unknown][] = [
      [
        "/api/v2/availability/simple",
        { date: "2027-08-03", service_id: a.serviceId, staff_id: a.staffIds[0] },
      ],
      [
        "/api/v2/availability/composite",
        {
          date: "2027-08-03",
          branch_id: a.branchId,
          services: [{ service_id: a.serviceId }, { service_id: a.serviceId }],
        },
      ],
      ["/api/v2/bookings", { ...foreignIds, starts_at: berlin("2027-08-03", "15:00") }],
      [
        "/api/v2/bookings/composite",
        {
          customer_id: a.customerIds[0],
          branch_id: a.branchId,
          services: [{ service_id: a.serviceId }, { service_id: a.serviceId }],
          starts_at: berlin("2027-08-03", "15:00"),
        },
      ],
      [
        "/api/v2/bookings/recurring",
        {
          ...foreignIds,
          starts_at: berlin("2027-09-01", "10:00"),
          recurrence: { frequency: "weekly", count: 4 },
        },
      ],
      [
        "/api/v2/holds",
        { service_id: a.serviceId, staff_id: a.staffIds[0], starts_at: berlin("2027-08-03", "16:00") },
      ],
    ];
    for (const [path, body] of references) {
      const res = await api(path, { apiKey: b.key, body });
      expect(res.status, path).toBe(422);
    }

    const after = await db.select().from(appointments).where(eq(appointments.companyId, a.company.companyId));
    expect(after).toEqual(before);
    const own = await api(`/api/v2/bookings/${id}`, { apiKey: a.key });
    expect(own.status).toBe(200);
  });
});
