import { env } from "cloudflare:workers";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarOccupancy } from "../../../drizzle/schema";
import { db } from "../helpers/fixtures";
import { requireRoom } from "../helpers/rooms";
import { berlin } from "../helpers/salon";
import { callFunction, callHolds, callObject, createVoiceSalon, hangUp, voiceAnswer } from "../helpers/voice";

const ALICE = "+4915111111111";
const BOB = "+4917622222222";
const DAY = "2027-06-01";

/** The entries of the room's only unit on DAY, in its calendar object. */
const roomEntries = (roomId: number) => {
  const key = `resource:${roomId}:0`;
  const day = Date.parse(berlin(DAY, "00:00"));
  return env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(key)).entries(key, day, day + 86_400_000);
};

describe("a service that needs a room, by phone", () => {
  it("holds the room with the time, so no other caller is offered it; the booking then takes the room", async () => {
    const salon = await createVoiceSalon({ staffCount: 2 });
    const roomId = await requireRoom(salon, 1);
    const [first, second] = [salon.staffIds[0]!, salon.staffIds[1]!];
    const wish = { service_id: salon.serviceId, date: DAY, time: "10:00" };

    const alice = callObject(salon, { from: ALICE });
    const offered = await voiceAnswer(
      await callFunction(salon, "check_availability", { ...wish, staff_id: first }, alice),
    );
    expect(offered).toMatchObject({ success: true, available: true, staff_id: first });
    const holdId = (offered.slot as { hold_id: string }).hold_id;
    // Held in D1 and in the calendar objects: the staff member's time and the room's.
    expect((await callHolds(alice.call_id)).map((h) => h.calendarKey).sort()).toEqual(
      [`resource:${roomId}:0`, `staff:${first}`].sort(),
    );
    expect((await roomEntries(roomId)).map((e) => [e.kind, e.start])).toEqual([
      ["hold", Date.parse(berlin(DAY, "10:00"))],
    ]);

    // Bob wants 10:00 with the other staff member, who is free: the only room is not.
    const bob = callObject(salon, { from: BOB });
    const other = await voiceAnswer(
      await callFunction(salon, "check_availability", { ...wish, staff_id: second }, bob),
    );
    expect(other).toMatchObject({ success: false, available: false, reason: "slot_taken" });
    const bobsTimes = other.next_available_slots as { starts_at: string; ends_at: string; hold_id: string }[];
    expect(bobsTimes.length).toBeGreaterThan(0);
    const [ten, halfPast] = [Date.parse(berlin(DAY, "10:00")), Date.parse(berlin(DAY, "10:30"))];
    for (const time of bobsTimes) {
      expect(Date.parse(time.ends_at) <= ten || Date.parse(time.starts_at) >= halfPast).toBe(true);
      expect(time.hold_id).toBeTruthy();
    }
    // Each of Bob's offers holds the room too (one unit: they cannot overlap each other either).
    expect((await callHolds(bob.call_id)).filter((h) => h.calendarKey.startsWith("resource:"))).toHaveLength(
      bobsTimes.length,
    );

    // Alice books her time: the appointment occupies the room, and her holds are gone.
    const booked = await voiceAnswer(
      await callFunction(salon, "book_appointment", { ...wish, staff_id: first, name: "Alice Adler" }, alice),
    );
    expect(booked, JSON.stringify(booked)).toMatchObject({
      success: true,
      starts_at: berlin(DAY, "10:00"),
      staff_id: first,
    });
    const roomGranules = await db
      .select()
      .from(calendarOccupancy)
      .where(
        and(
          eq(calendarOccupancy.appointmentId, booked.appointment_id as number),
          like(calendarOccupancy.calendarKey, `resource:${roomId}:%`),
        ),
      );
    expect(roomGranules.length).toBeGreaterThan(0);
    expect(await callHolds(alice.call_id)).toEqual([]);
    const room = await roomEntries(roomId);
    expect(room.filter((e) => e.ref.startsWith(holdId))).toEqual([]);
    expect(room.filter((e) => e.kind === "appointment")).toHaveLength(1);

    // Bob hangs up: his holds, the room's among them, are let go everywhere.
    await hangUp(salon, bob);
    expect((await roomEntries(roomId)).map((e) => e.kind)).toEqual(["appointment"]);
  });
});
