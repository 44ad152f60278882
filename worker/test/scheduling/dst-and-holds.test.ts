import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarHolds, services, staffServices } from "../../../drizzle/schema";
import { api, json } from "../helpers/api";
import { db } from "../helpers/fixtures";
import { berlin, createSalon, type Salon } from "../helpers/salon";

type Availability = {
  available: boolean;
  slots: { date: string; start: string; end: string; starts_at: string; ends_at: string }[];
};
type Failure = { error: { code: string } };

const availability = (salon: Salon, date: string) =>
  api("/api/v2/availability/simple", {
    apiKey: salon.key,
    body: { date, service_id: salon.serviceId, staff_id: salon.staffIds[0] },
  }).then((r) => json<Availability>(r));

describe("availability and booking on DST change days (Europe/Berlin)", () => {
  // 2027-03-28 and 2027-10-31 are the last Sundays of March and October 2027.
  for (const [label, date, offsetHours] of [
    ["spring forward", "2027-03-28", 2],
    ["fall back", "2027-10-31", 1],
  ] as const) {
    it(`${label}: every slot once, wall-clock times exact, bookable (${date})`, async () => {
      const salon = await createSalon({ staffCount: 1, hours: { start: "00:00", end: "06:00" } });
      const day = await availability(salon, date);
      const starts = day.slots.map((s) => s.start);
      // Every slot is a distinct instant. In October the hour 02:00–03:00 happens twice, so only
      // there may a wall-clock label repeat (once per offset); nowhere else.
      expect(new Set(day.slots.map((s) => s.starts_at)).size).toBe(starts.length);
      const repeated = starts.filter((t, i) => starts.indexOf(t) !== i);
      if (label === "spring forward") expect(repeated).toEqual([]);
      else expect(repeated.every((t) => t >= "02:00" && t < "03:00")).toBe(true);
      if (label === "spring forward") {
        // 02:00–03:00 does not exist that night: no slot may start inside it.
        expect(starts.some((t) => t >= "02:00" && t < "03:00")).toBe(false);
      }
      for (const slot of day.slots) {
        expect(Date.parse(slot.ends_at) - Date.parse(slot.starts_at)).toBe(30 * 60_000);
      }
      const nine = await availability(await createSalon({ staffCount: 1 }), date);
      const normal = await availability(await createSalon({ staffCount: 1 }), "2027-06-06");
      expect(nine.slots.map((s) => s.start)).toEqual(normal.slots.map((s) => s.start));

      const salonDay = await createSalon({ staffCount: 1 });
      const res = await api("/api/v2/bookings", {
        apiKey: salonDay.key,
        body: {
          customer_id: salonDay.customerIds[0],
          service_id: salonDay.serviceId,
          staff_id: salonDay.staffIds[0],
          starts_at: berlin(date, "10:00"),
        },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const booked = await json<{ appointment: { starts_at: string } }>(res);
      expect(booked.appointment.starts_at).toBe(
        `${date}T${String(10 - offsetHours).padStart(2, "0")}:00:00.000Z`,
      );
      const after = await availability(salonDay, date);
      expect(after.slots.map((s) => s.start)).not.toContain("10:00");
    });
  }
});

describe("holds", () => {
  it("keep a slot from others, and turn into a booking by id", async () => {
    const salon = await createSalon({ staffCount: 1 });
    const held = await api("/api/v2/holds", {
      apiKey: salon.key,
      body: {
        service_id: salon.serviceId,
        staff_id: salon.staffIds[0],
        starts_at: berlin("2027-05-04", "10:00"),
      },
    });
    expect(held.status, await held.clone().text()).toBe(201);
    const hold = (await json<{ data: { hold_id: string; expires_at: string } }>(held)).data;
    expect(Date.parse(hold.expires_at) - Date.now()).toBeGreaterThan(290_000);

    const other = await api("/api/v2/bookings", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[1],
        service_id: salon.serviceId,
        staff_id: salon.staffIds[0],
        starts_at: berlin("2027-05-04", "10:00"),
      },
    });
    expect(other.status).toBe(409);
    const day = await availability(salon, "2027-05-04");
    expect(day.slots.map((s) => s.start)).not.toContain("10:00");

    const booked = await api("/api/v2/bookings", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[0],
        service_id: salon.serviceId,
        staff_id: salon.staffIds[0],
        starts_at: berlin("2027-05-04", "10:00"),
        hold_id: hold.hold_id,
      },
    });
    expect(booked.status, await booked.clone().text()).toBe(201);
    expect(await db.select().from(calendarHolds).where(eq(calendarHolds.id, hold.hold_id))).toHaveLength(0);
  });

  it("expire by themselves (the calendar object's alarm), and booking an expired hold fails cleanly", async () => {
    const salon = await createSalon({ staffCount: 1 });
    const held = await api("/api/v2/holds", {
      apiKey: salon.key,
      body: {
        service_id: salon.serviceId,
        staff_id: salon.staffIds[0],
        starts_at: berlin("2027-05-05", "10:00"),
        ttl_seconds: 30,
      },
    });
    const hold = (await json<{ data: { hold_id: string } }>(held)).data;
    // Let the hold lapse without waiting: move its expiry into the past, then fire the object's alarm.
    const stub = env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(`staff:${salon.staffIds[0]}`));
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec(
        "UPDATE entries SET expires_at = ? WHERE ref = ?",
        Date.now() - 1000,
        hold.hold_id,
      );
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await db.select().from(calendarHolds).where(eq(calendarHolds.id, hold.hold_id))).toHaveLength(0);
    const late = await api("/api/v2/bookings", {
      apiKey: salon.key,
      body: {
        customer_id: salon.customerIds[0],
        service_id: salon.serviceId,
        staff_id: salon.staffIds[0],
        starts_at: berlin("2027-05-05", "10:00"),
        hold_id: hold.hold_id,
      },
    });
    expect(late.status).toBe(409);
    expect((await json<Failure>(late)).error.code).toBe("HOLD_EXPIRED");
    const day = await availability(salon, "2027-05-05");
    expect(day.slots.map((s) => s.start)).toContain("10:00");
  });
});

describe("availability answers", () => {
  it("name the staff members by their own ids (not the ids of joined rows)", async () => {
    // Put the qualification ids out of step with the staff ids, so a mix-up shows.
    const other = await createSalon({ staffCount: 1 });
    const [extra] = await db
      .insert(services)
      .values({ companyId: other.company.companyId, name: "Extra", durationMinutes: 30, priceCents: 0 })
      .returning();
    await db
      .insert(staffServices)
      .values({ companyId: other.company.companyId, staffId: other.staffIds[0]!, serviceId: extra!.id });
    const salon = await createSalon({ staffCount: 3 });
    const res = await api("/api/v2/availability/simple", {
      apiKey: salon.key,
      body: { date: "2027-05-10", service_id: salon.serviceId, branch_id: salon.branchId },
    });
    const body = await json<Availability & { staff: { id: number }[]; slots: { staff_ids: number[] }[] }>(
      res,
    );
    expect(body.staff.map((s) => s.id).sort()).toEqual([...salon.staffIds].sort());
    expect(body.slots[0]!.staff_ids.sort()).toEqual([...salon.staffIds].sort());
    const one = await api("/api/v2/availability/simple", {
      apiKey: salon.key,
      body: { date: "2027-05-10", service_id: salon.serviceId, staff_id: salon.staffIds[2] },
    });
    expect((await json<{ staff: { id: number }[] }>(one)).staff).toEqual([
      { id: salon.staffIds[2], name: "Mitarbeiter 3" },
    ]);
  });
});
