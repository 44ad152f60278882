import { describe, expect, it } from "vitest";
import { attendee, BOB_KEY, createHarness, failure, monday, SEED } from "./harness";

describe("Cal.com event types and slots (client ↔ double)", () => {
  it("creates, lists, updates and deletes personal event types", async () => {
    const { client } = createHarness();
    const created = await client.eventTypes.create({
      title: "Follow-up",
      slug: "follow-up",
      lengthInMinutes: 20,
      beforeEventBuffer: 5,
    });
    expect(created).toMatchObject({
      title: "Follow-up",
      slug: "follow-up",
      lengthInMinutes: 20,
      ownerId: SEED.alice,
    });
    expect((await client.eventTypes.list()).map((e) => e.slug)).toEqual([
      "consult-30",
      "intake",
      "follow-up",
    ]);
    expect(await client.eventTypes.update(created.id, { lengthInMinutes: 25 })).toMatchObject({
      lengthInMinutes: 25,
    });
    expect(await client.eventTypes.delete(created.id)).toEqual({
      id: created.id,
      lengthInMinutes: 25,
      slug: "follow-up",
      title: "Follow-up",
    });
    expect((await failure(client.eventTypes.get(created.id))).status).toBe(404);
    const duplicate = await failure(
      client.eventTypes.create({ title: "Again", slug: "consult-30", lengthInMinutes: 30 }),
    );
    expect(duplicate).toMatchObject({ status: 409, code: "CONFLICT" });
  });

  it("manages team event types; only team admins may write", async () => {
    const h = createHarness();
    const created = await h.client.teamEventTypes.create(SEED.team, {
      title: "Group session",
      slug: "group",
      lengthInMinutes: 45,
      schedulingType: "collective",
      hosts: [{ userId: SEED.alice }, { userId: SEED.bob, mandatory: true }],
    });
    expect(created).toMatchObject({ teamId: SEED.team, schedulingType: "collective" });
    expect(created.hosts?.map((host) => host.userId)).toEqual([SEED.alice, SEED.bob]);
    expect((await h.client.teamEventTypes.list(SEED.team)).map((e) => e.slug)).toEqual([
      "team-consult",
      "group",
    ]);
    expect(
      await h.client.teamEventTypes.update(SEED.team, created.id, { lengthInMinutes: 60 }),
    ).toMatchObject({
      lengthInMinutes: 60,
    });

    const bob = h.makeClient({ apiKey: BOB_KEY });
    expect(await failure(bob.teamEventTypes.delete(SEED.team, created.id))).toMatchObject({
      status: 403,
      retryable: false,
    });
    await h.client.teamEventTypes.delete(SEED.team, created.id);
    expect((await h.client.teamEventTypes.list(SEED.team)).map((e) => e.slug)).toEqual(["team-consult"]);
  });

  it("returns free slots keyed by local date, without booked times, in the requested zone", async () => {
    const { client } = createHarness();
    const before = await client.slots.get({
      eventTypeId: SEED.consult,
      start: "2030-01-07",
      end: "2030-01-07",
    });
    const monday0 = before["2030-01-07"] ?? [];
    expect(monday0).toHaveLength(16);
    expect(monday0[0]).toEqual({ start: "2030-01-07T09:00:00.000Z" });

    await client.bookings.create({ eventTypeId: SEED.consult, start: monday("10:00"), attendee });
    const berlin = await client.slots.get({
      eventTypeId: SEED.consult,
      start: "2030-01-07",
      end: "2030-01-07",
      timeZone: "Europe/Berlin",
      format: "range",
    });
    const starts = (berlin["2030-01-07"] ?? []).map((s) => s.start);
    expect(starts).toHaveLength(15);
    expect(starts).not.toContain("2030-01-07T11:00:00.000+01:00");
    expect(berlin["2030-01-07"]?.[0]).toEqual({
      start: "2030-01-07T10:00:00.000+01:00",
      end: "2030-01-07T10:30:00.000+01:00",
    });

    // Weekend: no working hours, and Cal.com answers an empty object.
    expect(
      await client.slots.get({ eventTypeId: SEED.consult, start: "2030-01-12", end: "2030-01-13" }),
    ).toEqual({});
  });

  it("reports an invalid slots window as Cal.com's 400", async () => {
    const { client } = createHarness();
    const error = await failure(
      client.slots.get({ eventTypeId: SEED.consult, start: "2030-01-09", end: "2030-01-08" }),
    );
    expect(error).toMatchObject({
      status: 400,
      message: "Invalid time range given - check the 'start' and 'end' query parameters.",
    });
  });
});
