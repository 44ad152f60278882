import { describe, expect, it } from "vitest";
import {
  CALCOM_SIGNATURE_HEADER,
  calcomBookingWebhookSchema,
  verifyCalcomSignature,
} from "../../../src/integrations/calcom";
import { attendee, createHarness, monday, SEED, SUBSCRIBER_URL, WEBHOOK_SECRET } from "./harness";

describe("Cal.com webhooks from the double", () => {
  it("signs each delivery so that verifyCalcomSignature accepts it, and rejects tampering", async () => {
    const h = createHarness();
    const booking = await h.client.bookings.create({
      eventTypeId: SEED.consult,
      start: monday("10:00"),
      attendee,
      metadata: { platform_appointment_id: "123" },
    });
    expect(h.deliveries).toHaveLength(1);
    const [delivery] = h.deliveries;
    if (delivery === undefined) throw new Error("no delivery");
    const signature = delivery.headers.get(CALCOM_SIGNATURE_HEADER);
    expect(delivery.url).toBe(SUBSCRIBER_URL);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(delivery.headers.get("X-Cal-Webhook-Version")).toBe("2021-10-20");
    expect(delivery.headers.get("Content-Type")).toBe("application/json");

    expect(await verifyCalcomSignature(delivery.body, WEBHOOK_SECRET, signature)).toBe(true);
    expect(
      await verifyCalcomSignature(new TextEncoder().encode(delivery.body), WEBHOOK_SECRET, signature),
    ).toBe(true);
    expect(await verifyCalcomSignature(delivery.body, WEBHOOK_SECRET, `sha256=${signature}`)).toBe(true);
    expect(await verifyCalcomSignature(delivery.body.replace("Pat", "Pam"), WEBHOOK_SECRET, signature)).toBe(
      false,
    );
    expect(await verifyCalcomSignature(delivery.body, "other-secret", signature)).toBe(false);
    expect(await verifyCalcomSignature(delivery.body, WEBHOOK_SECRET, "no-secret-provided")).toBe(false);
    expect(await verifyCalcomSignature(delivery.body, WEBHOOK_SECRET, null)).toBe(false);
    expect(await verifyCalcomSignature(delivery.body, "", signature)).toBe(false);

    // Compact JSON, keys in Cal.com's order; the payload parses with the platform's schema.
    expect(delivery.body.startsWith('{"triggerEvent":"BOOKING_CREATED","createdAt":"')).toBe(true);
    const event = calcomBookingWebhookSchema.parse(JSON.parse(delivery.body));
    expect(event.payload).toMatchObject({
      uid: booking.uid,
      bookingId: booking.id,
      status: "ACCEPTED",
      startTime: "2030-01-07T10:00:00Z",
      iCalSequence: 0,
      metadata: { platform_appointment_id: "123", videoCallUrl: `https://app.cal.com/video/${booking.uid}` },
    });
  });

  it("fires for changes made in Cal.com by a human: reschedule (new uid, old uid linked) and cancel", async () => {
    const h = createHarness();
    const created = await h.control.createBooking({
      eventTypeId: SEED.consult,
      start: monday("10:00"),
      attendee,
      metadata: { platform_appointment_id: "55" },
    });
    const moved = await h.control.rescheduleBooking(created.uid, {
      start: monday("13:00"),
      reschedulingReason: "Late",
    });
    await h.control.cancelBooking(moved.uid, { cancellationReason: "Ill" });

    const events = h.deliveries.map((d) => calcomBookingWebhookSchema.parse(JSON.parse(d.body)));
    // No BOOKING_CANCELLED for the old booking of a reschedule (calcom.md §4.1).
    expect(events.map((e) => e.triggerEvent)).toEqual([
      "BOOKING_CREATED",
      "BOOKING_RESCHEDULED",
      "BOOKING_CANCELLED",
    ]);
    const [, rescheduled, cancelled] = events;
    expect(rescheduled?.payload).toMatchObject({
      uid: moved.uid,
      rescheduleUid: created.uid,
      rescheduleStartTime: "2030-01-07T10:00:00Z",
      startTime: "2030-01-07T13:00:00Z",
      rescheduledBy: "alice@clinic.test",
      iCalUID: `${created.uid}@Cal.com`,
      iCalSequence: 1,
      metadata: { platform_appointment_id: "55" },
    });
    expect(cancelled?.payload).toMatchObject({
      uid: moved.uid,
      status: "CANCELLED",
      cancellationReason: "Ill",
    });
    for (const d of h.deliveries) {
      expect(
        await verifyCalcomSignature(d.body, WEBHOOK_SECRET, d.headers.get(CALCOM_SIGNATURE_HEADER)),
      ).toBe(true);
    }
  });

  it("sends BOOKING_REQUESTED, then BOOKING_CREATED on confirm or BOOKING_REJECTED on decline", async () => {
    const h = createHarness();
    const a = await h.client.bookings.create({ eventTypeId: SEED.intake, start: monday("10:00"), attendee });
    const b = await h.client.bookings.create({ eventTypeId: SEED.intake, start: monday("12:00"), attendee });
    await h.control.confirmBooking(a.uid);
    await h.control.declineBooking(b.uid, { reason: "No capacity" });
    const events = h.deliveries.map((d) => calcomBookingWebhookSchema.parse(JSON.parse(d.body)));
    expect(events.map((e) => `${e.triggerEvent} ${e.payload.status}`)).toEqual([
      "BOOKING_REQUESTED PENDING",
      "BOOKING_REQUESTED PENDING",
      "BOOKING_CREATED ACCEPTED",
      "BOOKING_REJECTED REJECTED",
    ]);
    expect(events[3]?.payload.rejectionReason).toBe("No capacity");
  });

  it("drops an armed webhook: nothing is delivered, the log says dropped, the next one goes out", async () => {
    const h = createHarness();
    await h.control.dropWebhooks(1);
    const first = await h.control.createBooking({
      eventTypeId: SEED.consult,
      start: monday("10:00"),
      attendee,
    });
    expect(h.deliveries).toHaveLength(0);
    const second = await h.control.createBooking({
      eventTypeId: SEED.consult,
      start: monday("11:00"),
      attendee,
    });
    expect(h.deliveries).toHaveLength(1);

    const { webhooks } = await h.control.log();
    expect(webhooks.map((w) => [w.bookingUid, w.outcome])).toEqual([
      [first.uid, "dropped"],
      [second.uid, "delivered"],
    ]);
    // The dropped one is logged with the body and signature it would have had.
    expect(
      await verifyCalcomSignature(
        webhooks[0]?.body ?? "",
        WEBHOOK_SECRET,
        webhooks[0]?.headers["X-Cal-Signature-256"],
      ),
    ).toBe(true);
  });

  it("does not retry a delivery the subscriber refused", async () => {
    const h = createHarness({ subscriberStatus: 500 });
    await h.client.bookings.create({ eventTypeId: SEED.consult, start: monday("10:00"), attendee });
    expect(h.deliveries).toHaveLength(1);
    const { webhooks } = await h.control.log();
    expect(webhooks).toMatchObject([{ outcome: "failed", responseStatus: 500 }]);
  });

  it("scopes subscriptions: user-level ones skip team event types, event-type-level ones catch them", async () => {
    const h = createHarness();
    await h.control.removeSubscriber();
    const user = await h.client.webhooks.create(
      { kind: "user" },
      {
        subscriberUrl: "https://platform.test/user-hook",
        active: true,
        triggers: ["BOOKING_CREATED"],
        secret: "s1",
      },
    );
    await h.client.webhooks.create(
      { kind: "eventType", eventTypeId: SEED.teamConsult },
      {
        subscriberUrl: "https://platform.test/team-hook",
        active: true,
        triggers: ["BOOKING_CREATED"],
        secret: "s2",
      },
    );
    expect((await h.client.webhooks.list()).map((w) => w.id)).toEqual([user.id]);

    await h.client.bookings.create({ eventTypeId: SEED.consult, start: monday("10:00"), attendee });
    await h.client.bookings.create({ eventTypeId: SEED.teamConsult, start: monday("14:00"), attendee });
    expect(h.deliveries.map((d) => d.url)).toEqual([
      "https://platform.test/user-hook",
      "https://platform.test/team-hook",
    ]);
    const [toUser, toTeam] = h.deliveries;
    expect(
      await verifyCalcomSignature(toUser?.body ?? "", "s1", toUser?.headers.get(CALCOM_SIGNATURE_HEADER)),
    ).toBe(true);
    expect(
      await verifyCalcomSignature(toTeam?.body ?? "", "s2", toTeam?.headers.get(CALCOM_SIGNATURE_HEADER)),
    ).toBe(true);
  });
});
