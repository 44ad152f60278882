import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointments, calls, nestedBookingSlots } from "../../../drizzle/schema";
import { addColourComposite, COLOUR_COMPOSITE_NAME } from "../helpers/colour-composite";
import { db } from "../helpers/fixtures";
import { berlin } from "../helpers/salon";
import { callFunction, callObject, createVoiceSalon, givePhone, voiceAnswer } from "../helpers/voice";

const ALICE = "+4915111111111";
const BOB = "+4917622222222";
const DAY = "2027-06-01";
const COMPOSITE = COLOUR_COMPOSITE_NAME;

describe("composite services by phone", () => {
  it("are offered like a simple one, with the first segment's staff member", async () => {
    const salon = await createVoiceSalon({ staffCount: 2 });
    const { compositeId } = await addColourComposite(salon);
    const call = callObject(salon, { from: ALICE });
    const free = await voiceAnswer(
      await callFunction(
        salon,
        "check_availability",
        { service: "Waschen Färben Schneiden", date: DAY, time: "09:00" },
        call,
      ),
    );
    expect(free).toMatchObject({
      success: true,
      available: true,
      service_id: compositeId,
      staff_id: salon.staffIds[0],
      staff_name: "Mitarbeiter 1",
    });
    expect(free.slot).toMatchObject({ date: DAY, time: "09:00" });
    expect(free.message).toContain("Mitarbeiter 1");

    const next = await voiceAnswer(
      await callFunction(salon, "next_available", { service_id: compositeId, date: DAY, count: 3 }, call),
    );
    expect(next).toMatchObject({ success: true, reason: "choose_slot" });
    const offered = next.next_available_slots as { time: string; staff_id: number }[];
    expect(offered).toHaveLength(3);
    expect(offered[0]).toMatchObject({ time: "09:00", staff_id: salon.staffIds[0] });
  });

  it("are booked across the segments' calendars, and a taken time is answered with alternatives", async () => {
    const salon = await createVoiceSalon({ staffCount: 2 });
    const { compositeId } = await addColourComposite(salon);
    await givePhone(salon, salon.customerIds[0]!, ALICE, "Alice Adler");
    const call = callObject(salon, { from: ALICE });
    const wish = { service: COMPOSITE, date: DAY, time: "09:00", customer_notes: "Bitte ohne Parfum" };
    const booked = await voiceAnswer(await callFunction(salon, "book_appointment", wish, call));
    expect(booked).toMatchObject({
      success: true,
      starts_at: berlin(DAY, "09:00"),
      service_name: COMPOSITE,
      staff_id: salon.staffIds[0],
      staff_name: "Mitarbeiter 1",
      customer_id: salon.customerIds[0],
    });
    expect(booked.message).toContain("9");
    expect(booked.message).toContain("Mitarbeiter 1");
    const [row] = await db
      .select()
      .from(appointments)
      .where(eq(appointments.id, booked.appointment_id as number));
    const [callRow] = await db.select().from(calls).where(eq(calls.retellCallId, call.call_id));
    expect(row).toMatchObject({
      isComposite: true,
      serviceId: compositeId,
      staffId: salon.staffIds[0],
      source: "voice_ai",
      customerId: salon.customerIds[0],
      customerNotes: "Bitte ohne Parfum",
      callId: callRow!.id,
    });
    const segments = await db
      .select()
      .from(nestedBookingSlots)
      .where(eq(nestedBookingSlots.appointmentId, row!.id));
    expect(segments.map((s) => s.staffId)).toEqual([salon.staffIds[0], salon.staffIds[0], salon.staffIds[1]]);

    const late = await voiceAnswer(
      await callFunction(
        salon,
        "book_appointment",
        { ...wish, customer_name: "Bob Berg" },
        callObject(salon, { from: BOB }),
      ),
    );
    expect(late).toMatchObject({ success: false, reason: "slot_taken" });
    const alternatives = late.next_available_slots as { starts_at: string }[];
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.every((a) => a.starts_at !== berlin(DAY, "09:00"))).toBe(true);
    expect(
      await db.select().from(appointments).where(eq(appointments.companyId, salon.company.companyId)),
    ).toHaveLength(1);
  });
});
