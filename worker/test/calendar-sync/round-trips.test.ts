import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appointmentModifications, appointments, calcomEventMaps } from "../../../drizzle/schema";
import { api } from "../helpers/api";
import { db } from "../helpers/fixtures";
import { berlin } from "../helpers/salon";
import { book, bookInCalcom, calcomBookingOf, createSyncedSalon, pushedLink, USERS } from "./harness";

afterEach(() => vi.restoreAllMocks());

const linkOf = async (appointmentId: number) =>
  (await db.select().from(calcomEventMaps).where(eq(calcomEventMaps.appointmentId, appointmentId)))[0];

describe("platform → Cal.com", () => {
  it("pushes a booking after it commits, with our id in the metadata, on the staff member's Cal.com user", async () => {
    const salon = await createSyncedSalon();
    const booked = await book(salon, berlin("2027-03-02", "10:00"), 1);
    expect(booked.status).toBe(201);
    const [pushed] = await vi.waitFor(
      async () => {
        const found = await calcomBookingOf(salon, booked.id);
        expect(found).toHaveLength(1);
        return found;
      },
      { timeout: 8000, interval: 100 },
    );
    expect(pushed).toMatchObject({
      status: "accepted",
      start: berlin("2027-03-02", "10:00"),
      hosts: [expect.objectContaining({ id: USERS[1] })],
      metadata: expect.objectContaining({ platform_appointment_id: String(booked.id) }),
    });
    const link = await pushedLink(booked.id);
    expect(link.calcomBookingUid).toBe(pushed!.uid);
    // The echo of our own push changed nothing.
    expect(salon.deliveries).toEqual([{ trigger: "BOOKING_CREATED", status: 200, outcome: "echo" }]);
  });

  it("follows a platform reschedule to the new uid and pushes a platform cancellation", async () => {
    const salon = await createSyncedSalon();
    const booked = await book(salon, berlin("2027-03-03", "10:00"));
    const first = await pushedLink(booked.id);
    const moved = await api(`/api/v2/bookings/${booked.id}/reschedule`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { new_starts_at: berlin("2027-03-03", "15:00") },
    });
    expect(moved.status).toBe(200);
    const second = await pushedLink(booked.id, (row) => row.calcomBookingUid !== first.calcomBookingUid);
    const calcom = await salon.control.booking(second.calcomBookingUid!);
    expect(calcom).toMatchObject({
      start: berlin("2027-03-03", "15:00"),
      status: "accepted",
      rescheduledFromUid: first.calcomBookingUid,
    });
    expect((await salon.control.booking(first.calcomBookingUid!)).status).toBe("cancelled");

    const cancelled = await api(`/api/v2/bookings/${booked.id}`, {
      method: "DELETE",
      apiKey: salon.key,
      body: {},
    });
    expect(cancelled.status).toBe(200);
    await vi.waitFor(
      async () => {
        expect((await salon.control.booking(second.calcomBookingUid!)).status).toBe("cancelled");
      },
      { timeout: 10_000, interval: 100 },
    );
    const [row] = await db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row!.status).toBe("cancelled");
    expect(salon.deliveries.every((d) => d.outcome === "echo")).toBe(true);
  });
});

describe("Cal.com → platform", () => {
  it("books a Cal.com booking on the platform through the staff member's calendar", async () => {
    const salon = await createSyncedSalon();
    const made = await bookInCalcom(salon, berlin("2027-03-04", "11:00"), "Neue Kundin", USERS[0]);
    expect(salon.deliveries.at(-1)).toMatchObject({
      trigger: "BOOKING_CREATED",
      status: 200,
      outcome: "created",
    });
    const [link] = await db
      .select()
      .from(calcomEventMaps)
      .where(eq(calcomEventMaps.calcomBookingUid, made.uid));
    const [appointment] = await db
      .select()
      .from(appointments)
      .where(eq(appointments.id, link!.appointmentId!));
    expect(appointment).toMatchObject({
      staffId: salon.staffIds[0],
      serviceId: salon.serviceId,
      source: "calcom",
      status: "confirmed",
      startsAt: new Date(berlin("2027-03-04", "11:00")),
    });
    // The slot is now taken for every channel.
    const clash = await book(salon, berlin("2027-03-04", "11:15"), 0, 1);
    expect(clash.status).toBe(409);
  });

  it("moves the appointment when the booking is rescheduled on Cal.com, and cancels it when cancelled there", async () => {
    const salon = await createSyncedSalon();
    const booked = await book(salon, berlin("2027-03-05", "10:00"));
    const link = await pushedLink(booked.id);
    await salon.control.clearLog();
    const moved = await salon.control.rescheduleBooking(link.calcomBookingUid!, {
      start: berlin("2027-03-05", "16:00"),
      force: true,
    });
    expect(salon.deliveries.at(-1)).toMatchObject({ trigger: "BOOKING_RESCHEDULED", outcome: "rescheduled" });
    const [afterMove] = await db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(afterMove!.startsAt.toISOString()).toBe(berlin("2027-03-05", "16:00"));
    expect((await linkOf(booked.id))!.calcomBookingUid).toBe(moved.uid);

    await salon.control.cancelBooking(moved.uid, { cancellationReason: "Kundin krank", force: true });
    expect(salon.deliveries.at(-1)).toMatchObject({ trigger: "BOOKING_CANCELLED", outcome: "cancelled" });
    const [afterCancel] = await db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(afterCancel).toMatchObject({ status: "cancelled", cancelledBy: "calcom" });
    // Nothing is pushed back for a change that came from Cal.com.
    const requests = (await salon.control.log()).requests.filter((r) => r.method !== "GET");
    expect(requests).toEqual([]);
  });
});

describe("what the sync leaves alone, and what it cannot refuse", () => {
  it("writes no Cal.com link for a company without Cal.com", async () => {
    const { createSalon } = await import("../helpers/salon");
    const plain = await createSalon();
    const booked = await book(plain, berlin("2027-03-08", "10:00"));
    expect(booked.status).toBe(201);
    expect(
      await db.select().from(calcomEventMaps).where(eq(calcomEventMaps.appointmentId, booked.id)),
    ).toEqual([]);
  });

  it("applies a cancellation made in Cal.com even when the policy would block it, and records the violation", async () => {
    const salon = await createSyncedSalon({ hours: { start: "00:00", end: "23:55" } });
    const policy = await api("/api/v1/policies", {
      apiKey: salon.key,
      body: {
        configurable_type: "company",
        configurable_id: salon.company.companyId,
        policy_type: "cancellation",
        config: { min_hours_notice: 48, violation_action: "block" },
      },
    });
    expect(policy.status).toBe(201);
    const ms = Date.now() + 5 * 3_600_000;
    const booked = await book(salon, new Date(ms - (ms % 900_000)).toISOString());
    expect(booked.status).toBe(201);
    // On the platform the late cancellation is refused …
    const refused = await api(`/api/v2/bookings/${booked.id}`, {
      method: "DELETE",
      apiKey: salon.key,
      body: {},
    });
    expect(refused.status).toBe(409);
    // … but when it happened in Cal.com, it has happened.
    const link = await pushedLink(booked.id);
    await salon.control.cancelBooking(link.calcomBookingUid!, { cancellationReason: "krank", force: true });
    expect(salon.deliveries.at(-1)).toMatchObject({ trigger: "BOOKING_CANCELLED", outcome: "cancelled" });
    const [row] = await db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row).toMatchObject({ status: "cancelled", cancelledBy: "calcom" });
    const [modification] = await db
      .select()
      .from(appointmentModifications)
      .where(eq(appointmentModifications.appointmentId, booked.id));
    expect(modification).toMatchObject({ modificationType: "cancellation", withinPolicy: false });
  });
});
