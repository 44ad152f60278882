import { env } from "cloudflare:workers";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointments, calendarHolds, calendarOccupancy } from "../../../drizzle/schema";
import { api, json } from "../helpers/api";
import { db } from "../helpers/fixtures";
import { requireRoom } from "../helpers/rooms";
import { berlin, createSalon, type Salon } from "../helpers/salon";

type Failure = { error: { code: string; details?: Record<string, unknown> } };
type Booked = { appointment_id: number; appointment: { id: number; starts_at: string } };

/** A physio practice: the service needs a treatment room, and the branch has `capacity` of them in one. */
async function practice(capacity = 1, staffCount = 3): Promise<Salon & { roomId: number }> {
  const salon = await createSalon({ staffCount });
  return { ...salon, roomId: await requireRoom(salon, capacity) };
}

const book = (salon: Salon, staff: number, startsAt: string, extra: Record<string, unknown> = {}) =>
  api("/api/v2/bookings", {
    apiKey: salon.key,
    body: {
      customer_id: salon.customerIds[0],
      service_id: salon.serviceId,
      staff_id: salon.staffIds[staff],
      starts_at: startsAt,
      ...extra,
    },
  });

const freeStarts = async (salon: Salon, date: string) => {
  const res = await api("/api/v2/availability/simple", {
    apiKey: salon.key,
    body: { date, service_id: salon.serviceId, branch_id: salon.branchId },
  });
  expect(res.status).toBe(200);
  return (await json<{ slots: { start: string; staff_ids: number[] }[] }>(res)).slots;
};

const roomGranules = (roomId: number, appointmentId: number) =>
  db
    .select()
    .from(calendarOccupancy)
    .where(
      and(
        eq(calendarOccupancy.appointmentId, appointmentId),
        like(calendarOccupancy.calendarKey, `resource:${roomId}:%`),
      ),
    );

const unitEntries = (roomId: number, unit: number, around: string) => {
  const key = `resource:${roomId}:${unit}`;
  const at = Date.parse(around);
  return env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(key)).entries(
    key,
    at - 86_400_000,
    at + 86_400_000,
  );
};

describe("resources (rooms, chairs, equipment)", () => {
  it("are managed through the API, with clear refusals for bad input", async () => {
    const salon = await practice(2);
    const list = await api(`/api/v1/resources?branch_id=${salon.branchId}&type=room`, { apiKey: salon.key });
    expect(list.status).toBe(200);
    expect((await json<{ data: { name: string; capacity: number }[] }>(list)).data).toEqual([
      expect.objectContaining({ name: "Behandlungsraum", capacity: 2, is_active: true }),
    ]);
    const bad = await api("/api/v1/resources", {
      apiKey: salon.key,
      body: { branch_id: salon.branchId, name: "Raum", type: "garage", capacity: 0 },
    });
    expect(bad.status).toBe(422);
    const fields = (await json<Failure>(bad)).error.details!.fields as Record<string, string[]>;
    expect(Object.keys(fields).sort()).toEqual(["body.capacity", "body.type"]);
    const foreign = await createSalon();
    const elsewhere = await api("/api/v1/resources", {
      apiKey: salon.key,
      body: { branch_id: foreign.branchId, name: "Fremd", type: "room" },
    });
    expect(elsewhere.status).toBe(422);
  });

  it("limit availability: a slot needs a free staff member and a free room", async () => {
    const salon = await practice(1);
    expect((await book(salon, 0, berlin("2027-04-06", "10:00"))).status).toBe(201);
    const starts = (await freeStarts(salon, "2027-04-06")).map((s) => s.start);
    // Two colleagues are free at 10:00, but the only room is not.
    expect(starts).not.toContain("10:00");
    expect(starts).not.toContain("09:45");
    expect(starts).toContain("10:30");
    const res = await book(salon, 1, berlin("2027-04-06", "10:15"), { customer_id: salon.customerIds[1] });
    expect(res.status).toBe(409);
    const failure = await json<Failure>(res);
    expect(failure.error.code).toBe("APPOINTMENT_CONFLICT");
    expect(JSON.stringify(failure.error.details)).toContain("resource");
  });

  it("give each booking one unit of capacity, in D1 and in the unit's calendar object", async () => {
    const salon = await practice(2);
    const at = berlin("2027-04-07", "10:00");
    const first = await json<Booked>(await book(salon, 0, at));
    const second = await json<Booked>(await book(salon, 1, at, { customer_id: salon.customerIds[1] }));
    const third = await book(salon, 2, at, { customer_id: salon.customerIds[2] });
    expect(third.status).toBe(409);
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(rows.map((r) => [r.resourceId, r.resourceUnit]).sort()).toEqual([
      [salon.roomId, 0],
      [salon.roomId, 1],
    ]);
    expect(await roomGranules(salon.roomId, first.appointment_id)).toHaveLength(6);
    expect(await roomGranules(salon.roomId, second.appointment_id)).toHaveLength(6);
    expect((await unitEntries(salon.roomId, 0, at)).map((e) => e.kind)).toEqual(["appointment"]);
    expect((await unitEntries(salon.roomId, 1, at)).map((e) => e.kind)).toEqual(["appointment"]);
  });

  it("are never double-booked under concurrency: 12 bookings on 6 staff for 2 rooms' worth of capacity", async () => {
    const salon = await practice(2, 6);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        book(salon, i % 6, berlin("2027-04-08", i % 2 === 0 ? "10:00" : "10:15"), {
          customer_id: salon.customerIds[i % 3],
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    const units = await db
      .select({ unit: appointments.resourceUnit })
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(units.map((u) => u.unit).sort()).toEqual([0, 1]);
  });

  it("move with a rescheduled appointment and are freed by a cancellation", async () => {
    const salon = await practice(1);
    const first = await json<Booked>(await book(salon, 0, berlin("2027-04-09", "10:00")));
    const moved = await api(`/api/v2/bookings/${first.appointment_id}/reschedule`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { new_starts_at: berlin("2027-04-09", "11:00") },
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    // The room is free at 10:00 now and taken at 11:00.
    expect((await book(salon, 1, berlin("2027-04-09", "11:00"))).status).toBe(409);
    const other = await book(salon, 1, berlin("2027-04-09", "10:00"), { customer_id: salon.customerIds[1] });
    expect(other.status, await other.clone().text()).toBe(201);
    expect((await unitEntries(salon.roomId, 0, berlin("2027-04-09", "10:00"))).length).toBe(2);

    const cancelled = await api(`/api/v2/bookings/${first.appointment_id}`, {
      method: "DELETE",
      apiKey: salon.key,
      body: {},
    });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    expect(await roomGranules(salon.roomId, first.appointment_id)).toHaveLength(0);
    expect((await unitEntries(salon.roomId, 0, berlin("2027-04-09", "10:00"))).length).toBe(1);
    expect((await book(salon, 2, berlin("2027-04-09", "11:00"))).status).toBe(201);
  });

  it("are kept by a hold, which the booking converts", async () => {
    const salon = await practice(1);
    const held = await api("/api/v2/holds", {
      apiKey: salon.key,
      body: {
        service_id: salon.serviceId,
        staff_id: salon.staffIds[0],
        starts_at: berlin("2027-04-12", "10:00"),
      },
    });
    expect(held.status, await held.clone().text()).toBe(201);
    const hold = (await json<{ data: { hold_id: string } }>(held)).data;
    // A colleague is free, but the room is held.
    expect((await book(salon, 1, berlin("2027-04-12", "10:00"))).status).toBe(409);
    expect((await freeStarts(salon, "2027-04-12")).map((s) => s.start)).not.toContain("10:00");
    const booked = await book(salon, 0, berlin("2027-04-12", "10:00"), { hold_id: hold.hold_id });
    expect(booked.status, await booked.clone().text()).toBe(201);
    expect(
      await db
        .select()
        .from(calendarHolds)
        .where(like(calendarHolds.id, `${hold.hold_id}%`)),
    ).toHaveLength(0);
    const entries = await unitEntries(salon.roomId, 0, berlin("2027-04-12", "10:00"));
    expect(entries.map((e) => e.kind)).toEqual(["appointment"]);
  });

  it("cannot be deleted or shrunk while upcoming appointments use them", async () => {
    const salon = await practice(2);
    const at = berlin("2027-04-13", "10:00");
    await book(salon, 0, at);
    const second = await json<Booked>(await book(salon, 1, at, { customer_id: salon.customerIds[1] }));
    const shrink = await api(`/api/v1/resources/${salon.roomId}`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { capacity: 1 },
    });
    expect(shrink.status).toBe(409);
    expect((await json<Failure>(shrink)).error.code).toBe("RESOURCE_IN_USE");
    const remove = await api(`/api/v1/resources/${salon.roomId}`, { method: "DELETE", apiKey: salon.key });
    expect(remove.status).toBe(409);
    await api(`/api/v2/bookings/${second.appointment_id}`, { method: "DELETE", apiKey: salon.key, body: {} });
    const shrunk = await api(`/api/v1/resources/${salon.roomId}`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { capacity: 1, name: "Raum 1" },
    });
    expect(shrunk.status, await shrunk.clone().text()).toBe(200);
  });

  it("give a weekly series the same room each week and skip a week the room is taken", async () => {
    const salon = await practice(1);
    expect((await book(salon, 1, berlin("2027-04-21", "10:00"))).status).toBe(201);
    const res = await api("/api/v2/bookings/recurring", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[0],
        service_id: salon.serviceId,
        staff_id: salon.staffIds[0],
        starts_at: berlin("2027-04-14", "10:00"),
        recurrence: { frequency: "weekly", interval: 1, count: 5 },
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await json<{
      series_id: number;
      occurrences: { date: string; status: string }[];
      appointments: { id: number }[];
    }>(res);
    expect(body.occurrences.map((o) => [o.date, o.status])).toEqual([
      ["2027-04-14", "booked"],
      ["2027-04-21", "skipped"],
      ["2027-04-28", "booked"],
      ["2027-05-05", "booked"],
      ["2027-05-12", "booked"],
    ]);
    for (const a of body.appointments) expect(await roomGranules(salon.roomId, a.id)).toHaveLength(6);

    // Moving the series an hour later takes the room along.
    const shifted = await api(`/api/v2/series/${body.series_id}/reschedule`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { shift: { days: 0, minutes: 60 }, from: berlin("2027-04-01", "00:00") },
    });
    expect(shifted.status, await shifted.clone().text()).toBe(200);
    expect((await book(salon, 2, berlin("2027-04-28", "10:00"))).status).toBe(201);
    expect((await book(salon, 2, berlin("2027-04-28", "11:00"))).status).toBe(409);
  });

  it("keep an appointment's unit when it moves to a time where that unit is free", async () => {
    const salon = await practice(2);
    await book(salon, 0, berlin("2027-05-03", "10:00"));
    const second = await json<Booked>(
      await book(salon, 1, berlin("2027-05-03", "10:00"), { customer_id: salon.customerIds[1] }),
    );
    const unitOf = async (id: number) =>
      (await db.select().from(appointments).where(eq(appointments.id, id)))[0]!.resourceUnit;
    expect(await unitOf(second.appointment_id)).toBe(1);
    const moved = await api(`/api/v2/bookings/${second.appointment_id}/reschedule`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { new_starts_at: berlin("2027-05-03", "14:00") },
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    // Both units are free at 14:00; the room it had (not the lowest) is kept.
    expect(await unitOf(second.appointment_id)).toBe(1);
  });

  it("give a series the unit free every week, not the lowest free one of each week", async () => {
    const salon = await practice(2);
    await book(salon, 1, berlin("2027-05-10", "10:00"));
    const res = await api("/api/v2/bookings/recurring", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[0],
        service_id: salon.serviceId,
        staff_id: salon.staffIds[0],
        starts_at: berlin("2027-05-10", "10:00"),
        recurrence: { frequency: "weekly", interval: 1, count: 4 },
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const ids = (await json<{ appointments: { id: number }[] }>(res)).appointments.map((a) => a.id);
    const units = await Promise.all(
      ids.map(
        async (id) => (await db.select().from(appointments).where(eq(appointments.id, id)))[0]!.resourceUnit,
      ),
    );
    expect(units).toEqual([1, 1, 1, 1]);
  });

  it("stop taking bookings when deactivated, while the ones they have stay", async () => {
    const salon = await practice(1);
    const kept = await json<Booked>(await book(salon, 0, berlin("2027-05-17", "10:00")));
    const off = await api(`/api/v1/resources/${salon.roomId}`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { is_active: false },
    });
    expect(off.status, await off.clone().text()).toBe(200);
    expect(await freeStarts(salon, "2027-05-17")).toEqual([]);
    expect((await book(salon, 1, berlin("2027-05-17", "15:00"))).status).toBe(409);
    expect(await roomGranules(salon.roomId, kept.appointment_id)).toHaveLength(6);
  });
});
