import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointmentModifications, appointments, calendarOccupancy } from "../../../drizzle/schema";
import { api, json } from "../helpers/api";
import { db } from "../helpers/fixtures";
import { berlin, createSalon, type Salon } from "../helpers/salon";

type Booked = {
  appointment_id: number;
  appointment: { id: number; version: number; status: string; starts_at: string };
};
type Failure = { error: { code: string; message: string; details?: Record<string, unknown> } };

const book = (
  salon: Salon,
  startsAt: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  api("/api/v2/bookings", {
    apiKey: salon.key,
    headers,
    body: {
      customer_id: salon.customerIds[0],
      service_id: salon.serviceId,
      staff_id: salon.staffIds[0],
      starts_at: startsAt,
      ...extra,
    },
  });

describe("booking", () => {
  it("books a free slot, occupies its granules and answers with the appointment", async () => {
    const salon = await createSalon();
    const res = await book(salon, berlin("2027-03-02", "10:00"));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get("server-timing")).toMatch(/app;dur=/);
    const body = await json<Booked>(res);
    expect(body.appointment).toMatchObject({
      status: "confirmed",
      version: 1,
      starts_at: "2027-03-02T09:00:00.000Z",
    });
    const granules = await db
      .select()
      .from(calendarOccupancy)
      .where(eq(calendarOccupancy.appointmentId, body.appointment_id));
    expect(granules).toHaveLength(6);
  });

  it("refuses an overlapping booking with 409 APPOINTMENT_CONFLICT and the next free slots", async () => {
    const salon = await createSalon();
    expect((await book(salon, berlin("2027-03-02", "10:00"))).status).toBe(201);
    const res = await book(salon, berlin("2027-03-02", "10:15"), { customer_id: salon.customerIds[1] });
    expect(res.status).toBe(409);
    const body = await json<Failure>(res);
    expect(body.error.code).toBe("APPOINTMENT_CONFLICT");
    const next = body.error.details!.next_free_slots as { time: string; date: string }[];
    expect(next.length).toBeGreaterThan(0);
    expect(next[0]).toMatchObject({ date: "2027-03-02" });
    expect(next.map((s) => s.time)).not.toContain("10:15");
  });

  it("refuses a time outside working hours with 409 SLOT_UNAVAILABLE", async () => {
    const salon = await createSalon();
    for (const time of ["07:00", "13:15", "17:45"]) {
      const res = await book(salon, berlin("2027-03-02", time));
      expect(res.status, time).toBe(409);
      expect((await json<Failure>(res)).error.code).toBe("SLOT_UNAVAILABLE");
    }
  });

  it("refuses ids of another company or unqualified staff with 422 and writes nothing", async () => {
    const salon = await createSalon();
    const other = await createSalon();
    const res = await book(salon, berlin("2027-03-02", "10:00"), {
      staff_id: other.staffIds[0],
      customer_id: other.customerIds[0],
    });
    expect(res.status).toBe(422);
    const fields = (await json<Failure>(res)).error.details!.fields as Record<string, string[]>;
    expect(Object.keys(fields)).toContain("body.staff_id");
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(rows).toHaveLength(0);
  });

  it("moves a booking, frees the old time and records the modification", async () => {
    const salon = await createSalon();
    const first = await json<Booked>(await book(salon, berlin("2027-03-02", "10:00")));
    const res = await api(`/api/v2/bookings/${first.appointment_id}/reschedule`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { new_starts_at: berlin("2027-03-02", "11:00"), reason: "Kundenwunsch", expected_version: 1 },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const moved = await json<{
      new_time: string;
      old_time: string;
      policy_check: string;
      appointment: { version: number };
    }>(res);
    expect(moved).toMatchObject({
      old_time: "2027-03-02T09:00:00.000Z",
      new_time: "2027-03-02T10:00:00.000Z",
      policy_check: "passed",
    });
    expect(moved.appointment.version).toBe(2);
    expect(
      (await book(salon, berlin("2027-03-02", "10:00"), { customer_id: salon.customerIds[1] })).status,
    ).toBe(201);
    const modifications = await db
      .select()
      .from(appointmentModifications)
      .where(eq(appointmentModifications.appointmentId, first.appointment_id));
    expect(modifications).toMatchObject([{ modificationType: "reschedule", withinPolicy: true }]);
  });

  it("refuses a stale version with 409 VERSION_CONFLICT and changes nothing", async () => {
    const salon = await createSalon();
    const first = await json<Booked>(await book(salon, berlin("2027-03-02", "10:00")));
    const move = (time: string, version: number) =>
      api(`/api/v2/bookings/${first.appointment_id}/reschedule`, {
        method: "PATCH",
        apiKey: salon.key,
        body: { new_starts_at: berlin("2027-03-02", time), expected_version: version },
      });
    expect((await move("11:00", 1)).status).toBe(200);
    const stale = await move("12:00", 1);
    expect(stale.status).toBe(409);
    expect((await json<Failure>(stale)).error).toMatchObject({
      code: "VERSION_CONFLICT",
      details: { current_version: 2 },
    });
    const [row] = await db.select().from(appointments).where(eq(appointments.id, first.appointment_id));
    expect(row!.startsAt.toISOString()).toBe("2027-03-02T10:00:00.000Z");
  });

  it("cancels a booking: the time is free again at once", async () => {
    const salon = await createSalon();
    const first = await json<Booked>(await book(salon, berlin("2027-03-02", "10:00")));
    const res = await api(`/api/v2/bookings/${first.appointment_id}`, {
      method: "DELETE",
      apiKey: salon.key,
      body: { reason: "Krank" },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await json<{
      policy_violation: boolean;
      cancellation_fee: number;
      appointment: { status: string };
    }>(res);
    expect(body.appointment.status).toBe("cancelled");
    expect(
      (
        await db
          .select()
          .from(calendarOccupancy)
          .where(eq(calendarOccupancy.appointmentId, first.appointment_id))
      ).length,
    ).toBe(0);
    expect(
      (await book(salon, berlin("2027-03-02", "10:00"), { customer_id: salon.customerIds[1] })).status,
    ).toBe(201);
  });

  it("offers the slot that starts exactly where a booking ends, and not one that overlaps it", async () => {
    const salon = await createSalon();
    expect((await book(salon, berlin("2027-03-02", "10:00"))).status).toBe(201);
    const res = await api("/api/v2/availability/simple", {
      apiKey: salon.key,
      body: { date: "2027-03-02", service_id: salon.serviceId, staff_id: salon.staffIds[0] },
    });
    const starts = (await json<{ slots: { start: string }[] }>(res)).slots.map((s) => s.start);
    expect(starts).toContain("09:30");
    expect(starts).not.toContain("09:45");
    expect(starts).not.toContain("10:00");
    expect(starts).not.toContain("10:15");
    expect(starts).toContain("10:30");
  });

  it("follows the status flow and refuses invalid transitions with 409", async () => {
    const salon = await createSalon();
    const first = await json<Booked>(await book(salon, berlin("2027-03-02", "10:00"), { status: "pending" }));
    const step = (action: string) =>
      api(`/api/v2/bookings/${first.appointment_id}/${action}`, { method: "POST", apiKey: salon.key });
    expect((await step("complete")).status).toBe(409);
    expect((await step("confirm")).status).toBe(200);
    expect((await step("confirm")).status).toBe(409);
    expect((await step("start")).status).toBe(200);
    const done = await step("complete");
    expect(done.status).toBe(200);
    expect(
      (await json<{ appointment: { status: string; version: number } }>(done)).appointment,
    ).toMatchObject({
      status: "completed",
      version: 4,
    });
    const invalid = await step("no_show");
    expect(invalid.status).toBe(409);
    expect((await json<Failure>(invalid)).error).toMatchObject({ code: "INVALID_STATUS_TRANSITION" });
  });
});

describe("idempotency", () => {
  it("returns the first response byte for byte for a repeated key, and refuses the key with another body", async () => {
    const salon = await createSalon();
    const headers = { "Idempotency-Key": "booking-abc-123" };
    const first = await book(salon, berlin("2027-03-03", "10:00"), {}, headers);
    const again = await book(salon, berlin("2027-03-03", "10:00"), {}, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(await first.text());
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(rows).toHaveLength(1);
    const other = await book(salon, berlin("2027-03-03", "11:00"), {}, headers);
    expect(other.status).toBe(422);
    expect((await json<Failure>(other)).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("answers concurrent repeats of one key with the same single booking", async () => {
    const salon = await createSalon();
    const headers = { "Idempotency-Key": "race-1" };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => book(salon, berlin("2027-03-04", "10:00"), {}, headers)),
    );
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(bodies).size).toBe(1);
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(rows).toHaveLength(1);
  });
});

describe("database guard", () => {
  it("refuses an overlapping appointment written around the calendar object", async () => {
    const salon = await createSalon();
    const booked = await json<Booked>(await book(salon, berlin("2027-03-05", "10:00")));
    const [row] = await db.select().from(appointments).where(eq(appointments.id, booked.appointment_id));
    const { id: _id, uid: _uid, ...copy } = row!;
    const start = Date.parse(berlin("2027-03-05", "10:15"));
    const bypass = env.DB.batch([
      env.DB.prepare(
        `INSERT INTO appointments (uid, company_id, branch_id, customer_id, staff_id, service_id, starts_at, ends_at, blocked_from, blocked_until, status, source)
         VALUES ('bypass', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'confirmed', 'admin')`,
      ).bind(
        copy.companyId,
        copy.branchId,
        salon.customerIds[1],
        copy.staffId,
        copy.serviceId,
        start,
        start + 1_800_000,
        start,
        start + 1_800_000,
      ),
      env.DB.prepare(
        `INSERT INTO calendar_occupancy (calendar_key, granule, appointment_id, company_id)
         SELECT ?, value, (SELECT id FROM appointments WHERE uid = 'bypass'), ? FROM json_each(?)`,
      ).bind(`staff:${copy.staffId}`, copy.companyId, JSON.stringify([Math.floor(start / 300_000)])),
    ]);
    await expect(bypass).rejects.toThrow(/UNIQUE constraint failed: calendar_occupancy/);
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(rows).toHaveLength(1);
  });
});

describe("admin edits", () => {
  it("apply with the current version and refuse a stale one without overwriting", async () => {
    const salon = await createSalon();
    const first = await json<Booked>(await book(salon, berlin("2027-03-08", "10:00")));
    const edit = (version: number, note: string) =>
      api(`/api/v2/bookings/${first.appointment_id}`, {
        method: "PATCH",
        apiKey: salon.key,
        body: { internal_notes: note, expected_version: version },
      });
    const ok = await edit(1, "Kundin wünscht Tee");
    expect(ok.status).toBe(200);
    expect((await json<Booked>(ok)).appointment.version).toBe(2);
    const stale = await edit(1, "überschrieben?");
    expect(stale.status).toBe(409);
    expect((await json<Failure>(stale)).error.code).toBe("VERSION_CONFLICT");
    const [row] = await db.select().from(appointments).where(eq(appointments.id, first.appointment_id));
    expect(row!.internalNotes).toBe("Kundin wünscht Tee");
  });
});
