import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointments, calendarOccupancy, services } from "../../../drizzle/schema";
import { api, json } from "../helpers/api";
import { addColourComposite } from "../helpers/colour-composite";
import { db } from "../helpers/fixtures";
import { berlin, createSalon, occupyStaff, type Salon } from "../helpers/salon";

/** A two-person salon with the colour composite (see addColourComposite). */
async function compositeSalon(): Promise<Salon & { compositeId: number; washId: number; cutId: number }> {
  const salon = await createSalon({ staffCount: 2 });
  return { ...salon, ...(await addColourComposite(salon)) };
}

describe("composite bookings", () => {
  it("are offered with every segment assigned, and booked across both calendars", async () => {
    const salon = await compositeSalon();
    const offered = await api("/api/v2/availability/composite", {
      apiKey: salon.key,
      body: { date: "2027-06-01", branch_id: salon.branchId, service_id: salon.compositeId, limit: 5 },
    });
    expect(offered.status, await offered.clone().text()).toBe(200);
    const slots = (
      await json<{
        slots: { start: string; segments: { key: string; staff_id: number; start: string }[] }[];
      }>(offered)
    ).slots;
    expect(slots[0]).toMatchObject({
      start: "09:00",
      segments: [
        { key: "wash", staff_id: salon.staffIds[0], start: "09:00" },
        { key: "colour", staff_id: salon.staffIds[0], start: "09:15" },
        { key: "cut", staff_id: salon.staffIds[1], start: "10:15" },
      ],
    });
    const res = await api("/api/v2/bookings/composite", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[0],
        branch_id: salon.branchId,
        service_id: salon.compositeId,
        starts_at: berlin("2027-06-01", "09:00"),
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const booked = (
      await json<{ appointment: { id: number; is_composite: boolean; segments: unknown[] } }>(res)
    ).appointment;
    expect(booked.is_composite).toBe(true);
    expect(booked.segments).toHaveLength(3);
    // The colourist is free during processing (09:45–10:15) for someone else.
    const during = await api("/api/v2/bookings", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[1],
        service_id: salon.washId,
        staff_id: salon.staffIds[0],
        starts_at: berlin("2027-06-01", "09:45"),
      },
    });
    expect(during.status, await during.clone().text()).toBe(201);
  });

  it("leave nothing behind when the second calendar is taken at the last moment", async () => {
    const salon = await compositeSalon();
    // Someone holds the cutter's 10:15 directly in the calendar object: availability (from D1) still
    // offers the slot, the booking then finds that segment taken.
    const cutter = env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(`staff:${salon.staffIds[1]}`));
    const start = Date.parse(berlin("2027-06-02", "10:15"));
    const taken = await cutter.reserve(`staff:${salon.staffIds[1]}`, {
      ref: "walk-in",
      kind: "hold",
      start,
      end: start + 30 * 60_000,
      ttlMs: 600_000,
    });
    expect(taken.ok).toBe(true);
    const res = await api("/api/v2/bookings/composite", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[0],
        branch_id: salon.branchId,
        service_id: salon.compositeId,
        starts_at: berlin("2027-06-02", "09:00"),
      },
    });
    expect(res.status).toBe(409);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe("APPOINTMENT_CONFLICT");
    expect(
      await db.select().from(appointments).where(eq(appointments.companyId, salon.company.companyId)),
    ).toHaveLength(0);
    expect(
      await db
        .select()
        .from(calendarOccupancy)
        .where(eq(calendarOccupancy.companyId, salon.company.companyId)),
    ).toHaveLength(0);
    const washer = env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(`staff:${salon.staffIds[0]}`));
    const left = await washer.entries(`staff:${salon.staffIds[0]}`, start - 86_400_000, start + 86_400_000);
    expect(left).toEqual([]);
  });

  it("free every calendar of the composite when cancelled", async () => {
    const salon = await compositeSalon();
    const res = await api("/api/v2/bookings/composite", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[0],
        branch_id: salon.branchId,
        service_id: salon.compositeId,
        starts_at: berlin("2027-06-03", "09:00"),
      },
    });
    const booked = (await json<{ appointment: { id: number } }>(res)).appointment;
    const cancelled = await api(`/api/v2/bookings/${booked.id}`, {
      method: "DELETE",
      apiKey: salon.key,
      body: {},
    });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    expect(
      await db.select().from(calendarOccupancy).where(eq(calendarOccupancy.appointmentId, booked.id)),
    ).toHaveLength(0);
    const start = Date.parse(berlin("2027-06-03", "09:00"));
    for (const staffId of salon.staffIds) {
      const calendar = env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(`staff:${staffId}`));
      expect(await calendar.entries(`staff:${staffId}`, start - 86_400_000, start + 86_400_000)).toEqual([]);
    }
    // The same composite can be booked again at once.
    const again = await api("/api/v2/bookings/composite", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[1],
        branch_id: salon.branchId,
        service_id: salon.compositeId,
        starts_at: berlin("2027-06-03", "09:00"),
      },
    });
    expect(again.status).toBe(201);
  });
});

describe("composite reschedule", () => {
  const bookComposite = async (
    salon: Awaited<ReturnType<typeof compositeSalon>>,
    date: string,
    time: string,
  ) => {
    const res = await api("/api/v2/bookings/composite", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[0],
        branch_id: salon.branchId,
        service_id: salon.compositeId,
        starts_at: berlin(date, time),
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await json<{ appointment: { id: number } }>(res)).appointment.id;
  };
  const move = (salon: Salon, id: number, startsAt: string) =>
    api(`/api/v2/bookings/${id}/reschedule`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { new_starts_at: startsAt },
    });
  const occupancyOf = async (id: number) =>
    (await db.select().from(calendarOccupancy).where(eq(calendarOccupancy.appointmentId, id)))
      .map((g) => `${g.calendarKey}@${new Date(g.granule * 300_000).toISOString().slice(11, 16)}`)
      .sort();

  it("moves every segment together, overlapping its own old time, and frees the old time in every calendar", async () => {
    const salon = await compositeSalon();
    const id = await bookComposite(salon, "2027-06-07", "09:00");
    // 30 minutes later overlaps the appointment's own old segments.
    const res = await move(salon, id, berlin("2027-06-07", "09:30"));
    expect(res.status, await res.clone().text()).toBe(200);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, id));
    expect(row!.startsAt.toISOString()).toBe(berlin("2027-06-07", "09:30"));
    expect(row!.segments!.map((s) => [s.key, new Date(s.startsAt).toISOString()])).toEqual([
      ["wash", berlin("2027-06-07", "09:30")],
      ["colour", berlin("2027-06-07", "09:45")],
      ["cut", berlin("2027-06-07", "10:45")],
    ]);
    const granules = await occupancyOf(id);
    expect(granules).toContain(`staff:${salon.staffIds[1]}@08:45`); // cut 10:45 Berlin (CEST) = 08:45 UTC
    expect(granules).not.toContain(`staff:${salon.staffIds[1]}@08:15`); // the old cut at 10:15 Berlin
    // The cutter's old 10:15 is free again for anyone; the new 10:45 is not.
    const cutAt = (time: string) =>
      api("/api/v2/bookings", {
        apiKey: salon.key,
        body: {
          customer_id: salon.customerIds[1],
          service_id: salon.cutId,
          staff_id: salon.staffIds[1],
          starts_at: berlin("2027-06-07", time),
        },
      });
    expect((await cutAt("10:15")).status).toBe(201);
    expect((await cutAt("11:00")).status).toBe(409);
  });

  it("keeps each segment's staff member where free, even when another with a lower id is free too", async () => {
    const salon = await createSalon({ staffCount: 3 });
    const [firstCutter, secondCutter] = [salon.staffIds[1]!, salon.staffIds[2]!];
    const composite = await addColourComposite(salon, [firstCutter, secondCutter]);
    // The first cutter is busy at the cut's time (10:15 for a 09:00 start): the second one cuts.
    await occupyStaff(salon, firstCutter, berlin("2027-06-09", "10:15"));
    const id = await bookComposite({ ...salon, ...composite }, "2027-06-09", "09:00");
    const cutterOf = async () =>
      (await db.select().from(appointments).where(eq(appointments.id, id)))[0]!.segments!.at(-1)!.staffId;
    expect(await cutterOf()).toBe(secondCutter);
    // An hour later both cutters are free: the appointment keeps its cutter.
    const res = await move(salon, id, berlin("2027-06-09", "10:00"));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await cutterOf()).toBe(secondCutter);
  });

  it("moves nothing when a new segment is taken", async () => {
    const salon = await compositeSalon();
    const id = await bookComposite(salon, "2027-06-08", "09:00");
    const before = await occupancyOf(id);
    const blocker = await api("/api/v2/bookings", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[1],
        service_id: salon.cutId,
        staff_id: salon.staffIds[1],
        starts_at: berlin("2027-06-08", "15:15"),
      },
    });
    expect(blocker.status).toBe(201);
    const res = await move(salon, id, berlin("2027-06-08", "14:00"));
    expect(res.status).toBe(409);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, id));
    expect(row!.startsAt.toISOString()).toBe(berlin("2027-06-08", "09:00"));
    expect(row!.version).toBe(1);
    expect(await occupancyOf(id)).toEqual(before);
  });
});

describe("composite bookings that need a chair", () => {
  /** The composite needs a chair from the first segment's start to the last one's end (gaps included). */
  async function withChair() {
    const salon = await compositeSalon();
    await db
      .update(services)
      .set({ requiredResourceType: "chair" })
      .where(eq(services.id, salon.compositeId));
    const res = await api("/api/v1/resources", {
      apiKey: salon.key,
      body: { branch_id: salon.branchId, name: "Stuhl 1", type: "chair" },
    });
    return { ...salon, chairId: (await json<{ data: { id: number } }>(res)).data.id };
  }
  const bookAt = (salon: Salon & { compositeId: number }, time: string) =>
    api("/api/v2/bookings/composite", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[0],
        branch_id: salon.branchId,
        service_id: salon.compositeId,
        starts_at: berlin("2027-06-09", time),
      },
    });

  it("leave nothing behind in any calendar when the chair is taken during the colour's processing time", async () => {
    const salon = await withChair();
    const chairKey = `resource:${salon.chairId}:0`;
    const chair = env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(chairKey));
    const processing = Date.parse(berlin("2027-06-09", "10:00"));
    const walkIn = await chair.reserve(chairKey, {
      ref: "walk-in",
      kind: "hold",
      start: processing,
      end: processing + 10 * 60_000,
      ttlMs: 600_000,
    });
    expect(walkIn.ok).toBe(true);
    const refused = await bookAt(salon, "09:00");
    expect(refused.status).toBe(409);
    expect(JSON.stringify(await json(refused))).toContain("resource");
    const company = salon.company.companyId;
    expect(await db.select().from(appointments).where(eq(appointments.companyId, company))).toHaveLength(0);
    expect(
      await db.select().from(calendarOccupancy).where(eq(calendarOccupancy.companyId, company)),
    ).toHaveLength(0);
    for (const staffId of salon.staffIds) {
      const key = `staff:${staffId}`;
      const calendar = env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(key));
      expect(await calendar.entries(key, processing - 86_400_000, processing + 86_400_000)).toEqual([]);
    }
    expect(
      (await chair.entries(chairKey, processing - 86_400_000, processing + 86_400_000)).map((e) => e.ref),
    ).toEqual(["walk-in"]);

    await chair.release(chairKey, "walk-in");
    const booked = await bookAt(salon, "09:00");
    expect(booked.status, await booked.clone().text()).toBe(201);
    const id = (await json<{ appointment: { id: number } }>(booked)).appointment.id;
    const chairGranules = await db
      .select()
      .from(calendarOccupancy)
      .where(and(eq(calendarOccupancy.appointmentId, id), eq(calendarOccupancy.calendarKey, chairKey)));
    // 09:00–10:45: wash 15, colour 30, processing 30, cut 30 minutes.
    expect(chairGranules).toHaveLength(21);
    const offered = await api("/api/v2/availability/composite", {
      apiKey: salon.key,
      body: { date: "2027-06-09", branch_id: salon.branchId, service_id: salon.compositeId, limit: 40 },
    });
    const starts = (await json<{ slots: { start: string }[] }>(offered)).slots.map((s) => s.start);
    expect(starts.every((s) => s >= "10:45")).toBe(true);
  });
});
