import { describe, expect, it } from "vitest";
import { BOOKING_MESSAGES } from "../../../../tools/calcom-double";
import { isSlotUnavailableError } from "../../../src/integrations/calcom";
import { attendee, createHarness, failure, monday, SEED } from "./harness";

describe("Cal.com bookings round trip (client ↔ double)", () => {
  it("creates a booking carrying our appointment id, reads it back and finds it in the list", async () => {
    const { client } = createHarness();
    const created = await client.bookings.create({
      eventTypeId: SEED.consult,
      start: monday("10:00"),
      attendee,
      metadata: { platform_appointment_id: "123" },
    });
    expect(created).toMatchObject({
      status: "accepted",
      start: "2030-01-07T10:00:00.000Z",
      end: "2030-01-07T10:30:00.000Z",
      duration: 30,
      eventTypeId: SEED.consult,
      metadata: { platform_appointment_id: "123" },
      hosts: [{ id: SEED.alice, email: "alice@clinic.test" }],
      attendees: [{ name: "Pat Patient", email: "pat@example.test", timeZone: "Europe/Berlin" }],
    });
    expect(created.uid).toMatch(/^[A-Za-z0-9]{22}$/);

    expect(await client.bookings.get(created.uid)).toEqual(created);

    const page = await client.bookings.list({ afterStart: monday("00:00"), beforeEnd: monday("23:59") });
    expect(page.bookings.map((b) => b.uid)).toEqual([created.uid]);
    expect(page.pagination).toMatchObject({ totalItems: 1, returnedItems: 1, hasNextPage: false });
  });

  it("refuses an overlapping booking for the same host with Cal.com's 400 message, without retrying", async () => {
    const h = createHarness();
    await h.client.bookings.create({ eventTypeId: SEED.consult, start: monday("10:00"), attendee });
    const error = await failure(
      h.client.bookings.create({ eventTypeId: SEED.consult, start: monday("10:15"), attendee }),
    );
    expect(error).toMatchObject({
      status: 400,
      code: "BadRequestException",
      message: "User either already has booking at this time or is not available",
      retryable: false,
      attempts: 1,
      uncertainOutcome: false,
    });
    expect(isSlotUnavailableError(error)).toBe(true);
    expect((await h.requests()).map((r) => r.status)).toEqual([201, 400]);
  });

  it("uses the team message when every round-robin host is busy", async () => {
    const { client } = createHarness();
    const first = await client.bookings.create({
      eventTypeId: SEED.teamConsult,
      start: monday("11:00"),
      attendee,
    });
    const second = await client.bookings.create({
      eventTypeId: SEED.teamConsult,
      start: monday("11:00"),
      attendee,
    });
    expect(first.hosts[0]?.id).toBe(SEED.alice);
    expect(second.hosts[0]?.id).toBe(SEED.bob);
    const error = await failure(
      client.bookings.create({ eventTypeId: SEED.teamConsult, start: monday("11:00"), attendee }),
    );
    expect(error.message).toBe(BOOKING_MESSAGES.hostsUnavailable);
    expect(isSlotUnavailableError(error)).toBe(true);
  });

  it("refuses times outside working hours, in the past, and inside the minimum notice", async () => {
    const { client } = createHarness();
    const evening = await failure(
      client.bookings.create({ eventTypeId: SEED.consult, start: monday("18:00"), attendee }),
    );
    expect(evening.message).toBe(BOOKING_MESSAGES.userUnavailable);
    const past = await failure(
      client.bookings.create({ eventTypeId: SEED.consult, start: "2030-01-06T10:00:00Z", attendee }),
    );
    expect(past.message).toBe("Attempting to book a meeting in the past.");
    const tooSoon = await failure(
      client.bookings.create({ eventTypeId: SEED.consult, start: monday("07:00"), attendee }),
    );
    expect(tooSoon.message).toBe(BOOKING_MESSAGES.outOfBounds);
  });

  it("reschedules into a NEW booking and marks the old one cancelled with a link to it", async () => {
    const { client } = createHarness();
    const original = await client.bookings.create({
      eventTypeId: SEED.consult,
      start: monday("10:00"),
      attendee,
      metadata: { platform_appointment_id: "123" },
    });
    const moved = await client.bookings.reschedule(original.uid, {
      start: monday("14:00"),
      reschedulingReason: "Patient asked",
    });
    expect(moved.uid).not.toBe(original.uid);
    expect(moved).toMatchObject({
      status: "accepted",
      start: "2030-01-07T14:00:00.000Z",
      end: "2030-01-07T14:30:00.000Z",
      rescheduledFromUid: original.uid,
      // The reschedule input has no metadata; the new booking keeps the old one's.
      metadata: { platform_appointment_id: "123" },
    });
    const old = await client.bookings.get(original.uid);
    expect(old).toMatchObject({ status: "cancelled", rescheduledToUid: moved.uid });

    // The freed 10:00 slot is bookable again; the old booking cannot be moved a second time.
    await client.bookings.create({ eventTypeId: SEED.consult, start: monday("10:00"), attendee });
    const again = await failure(client.bookings.reschedule(original.uid, { start: monday("15:00") }));
    expect(again.status).toBe(400);
    expect(again.message).toContain(moved.uid);
  });

  it("cancels (200) and refuses a second cancel with a 400 that is not retried", async () => {
    const h = createHarness();
    const booking = await h.client.bookings.create({
      eventTypeId: SEED.consult,
      start: monday("10:00"),
      attendee,
    });
    const cancelled = await h.client.bookings.cancel(booking.uid, { cancellationReason: "Sick" });
    expect(cancelled).toMatchObject({ uid: booking.uid, status: "cancelled", cancellationReason: "Sick" });
    const error = await failure(h.client.bookings.cancel(booking.uid));
    expect(error).toMatchObject({ status: 400, retryable: false, attempts: 1 });
    expect((await h.requests()).map((r) => r.status)).toEqual([201, 200, 400]);
  });

  it("reports an unknown uid as a 404 after one attempt", async () => {
    const h = createHarness();
    const error = await failure(h.client.bookings.get("nope"));
    expect(error).toMatchObject({ status: 404, code: "NotFoundException", retryable: false, attempts: 1 });
    expect(await h.requests()).toHaveLength(1);
  });

  it("confirms and declines bookings of a confirmation-required event type", async () => {
    const { client } = createHarness();
    const first = await client.bookings.create({
      eventTypeId: SEED.intake,
      start: monday("10:00"),
      attendee,
    });
    const second = await client.bookings.create({
      eventTypeId: SEED.intake,
      start: monday("12:00"),
      attendee,
    });
    expect([first.status, second.status]).toEqual(["pending", "pending"]);
    expect((await client.bookings.confirm(first.uid)).status).toBe("accepted");
    expect(await client.bookings.decline(second.uid, { reason: "Fully booked" })).toMatchObject({
      status: "rejected",
    });
  });

  it("filters the list the way drift detection needs", async () => {
    const { client, clock } = createHarness();
    const a = await client.bookings.create({ eventTypeId: SEED.consult, start: monday("10:00"), attendee });
    const b = await client.bookings.create({
      eventTypeId: SEED.consult,
      start: "2030-01-08T10:00:00Z",
      attendee,
    });
    const c = await client.bookings.create({
      eventTypeId: SEED.consult,
      start: "2030-01-09T10:00:00Z",
      attendee,
    });
    await client.bookings.cancel(b.uid);
    clock.now = Date.parse("2030-01-08T12:00:00Z");

    const uids = async (query: Parameters<typeof client.bookings.list>[0]) =>
      (await client.bookings.list(query)).bookings.map((x) => x.uid);
    expect(await uids({ status: ["upcoming"] })).toEqual([c.uid]);
    expect(await uids({ status: ["past"] })).toEqual([a.uid]);
    expect(await uids({ status: ["cancelled"] })).toEqual([b.uid]);
    expect(await uids({ afterStart: "2030-01-08T00:00:00Z", beforeEnd: "2030-01-09T23:59:59Z" })).toEqual([
      b.uid,
      c.uid,
    ]);
    expect(await uids({ sortStart: "desc" })).toEqual([c.uid, b.uid, a.uid]);
    expect(
      await uids({ afterUpdatedAt: "2030-01-07T06:00:00Z", sortUpdatedAt: "asc", take: 2, skip: 1 }),
    ).toHaveLength(2);
  });

  it("validates input before sending: no request, no rate-limit budget spent", async () => {
    const h = createHarness();
    const tooMany = await failure(h.client.bookings.list({ take: 251 }));
    expect(tooMany).toMatchObject({ code: "INVALID_REQUEST", status: null, attempts: 0 });
    const longKey = await failure(
      h.client.bookings.create({
        eventTypeId: SEED.consult,
        start: monday("10:00"),
        attendee,
        metadata: { ["k".repeat(41)]: "v" },
      }),
    );
    expect(longKey.code).toBe("INVALID_REQUEST");
    const noContact = await failure(
      h.client.bookings.create({
        eventTypeId: SEED.consult,
        start: monday("10:00"),
        attendee: { name: "X", timeZone: "UTC" },
      }),
    );
    expect(noContact.message).toContain("Attendee must have at least one contact method");
    expect(await h.requests()).toHaveLength(0);
  });
});
