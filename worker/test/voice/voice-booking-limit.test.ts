import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointments, customerPhoneIndex, customers, idempotencyKeys } from "../../../drizzle/schema";
import { VOICE_BOOKINGS_PER_HOUR } from "../../src/services/voice/booking-customer";
import { db } from "../helpers/fixtures";
import { callFunction, callObject, createVoiceSalon, givePhone, voiceAnswer } from "../helpers/voice";

const ALICE = "+4915111111111";
const DAY = "2027-03-02";
const TIMES = ["09:00", "10:00", "11:00", "12:00", "14:00", "15:00", "16:00", "17:00"];

describe("the hourly voice booking limit under concurrency", () => {
  it("lets exactly five of eight simultaneous calls of one customer book; the rest hear the limit", async () => {
    const salon = await createVoiceSalon({ staffCount: 1 });
    await givePhone(salon, salon.customerIds[0]!, ALICE, "Alice Adler");
    const answers = await Promise.all(
      TIMES.map((time) =>
        callFunction(
          salon,
          "book_appointment",
          { service: "Herrenhaarschnitt", date: DAY, time },
          callObject(salon, { from: ALICE }),
        ).then(voiceAnswer),
      ),
    );
    const booked = answers.filter((a) => a.success);
    const refused = answers.filter((a) => !a.success);
    expect(booked).toHaveLength(VOICE_BOOKINGS_PER_HOUR);
    expect(refused).toHaveLength(TIMES.length - VOICE_BOOKINGS_PER_HOUR);
    for (const answer of refused) {
      expect(answer).toMatchObject({ reason: "booking_limit" });
      expect(answer.message.length).toBeGreaterThan(0);
    }
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(rows).toHaveLength(VOICE_BOOKINGS_PER_HOUR);
    expect(rows.every((r) => r.customerId === salon.customerIds[0])).toBe(true);
  });

  it("counts simultaneous calls from one new number as one lead: five book, the rest hear the limit", async () => {
    const salon = await createVoiceSalon({ staffCount: 1 });
    const stranger = "+4917299999999";
    const answers = await Promise.all(
      TIMES.map((time) =>
        callFunction(
          salon,
          "book_appointment",
          { service: "Herrenhaarschnitt", date: DAY, time, customer_name: "Nina Neu" },
          callObject(salon, { from: stranger }),
        ).then(voiceAnswer),
      ),
    );
    expect(answers.filter((a) => a.success)).toHaveLength(VOICE_BOOKINGS_PER_HOUR);
    expect(answers.filter((a) => !a.success).every((a) => a.reason === "booking_limit")).toBe(true);
    const leads = await db.select().from(customers).where(eq(customers.phone, stranger));
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ name: "Nina Neu", source: "voice_ai" });
    expect(
      await db.select().from(customerPhoneIndex).where(eq(customerPhoneIndex.phoneE164, stranger)),
    ).toMatchObject([{ customerId: leads[0]!.id, isPrimary: true }]);
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(rows.map((r) => r.customerId)).toEqual(Array(VOICE_BOOKINGS_PER_HOUR).fill(leads[0]!.id));
  });

  it("gives a claim back when the booking does not happen, so the caller can still book", async () => {
    const salon = await createVoiceSalon({ staffCount: 1 });
    await givePhone(salon, salon.customerIds[0]!, ALICE, "Alice Adler");
    // Bob takes 10:00 first: Alice's wish for it fails and must not use up one of her five.
    await callFunction(
      salon,
      "book_appointment",
      { service: "Herrenhaarschnitt", date: DAY, time: "10:00", customer_name: "Bob Berg" },
      callObject(salon, { from: "+4917622222222" }),
    );
    const taken = await voiceAnswer(
      await callFunction(
        salon,
        "book_appointment",
        { service: "Herrenhaarschnitt", date: DAY, time: "10:00" },
        callObject(salon, { from: ALICE }),
      ),
    );
    expect(taken).toMatchObject({ success: false, reason: "slot_taken" });
    const results = [];
    for (const time of ["11:00", "12:00", "14:00", "15:00", "16:00"]) {
      results.push(
        await voiceAnswer(
          await callFunction(
            salon,
            "book_appointment",
            { service: "Herrenhaarschnitt", date: DAY, time },
            callObject(salon, { from: ALICE }),
          ),
        ),
      );
    }
    expect(results.map((r) => r.success)).toEqual([true, true, true, true, true]);
    // No claim outlives its booking attempt.
    await expect
      .poll(
        async () =>
          (
            await db
              .select()
              .from(idempotencyKeys)
              .where(eq(idempotencyKeys.companyId, salon.company.companyId))
          ).length,
      )
      .toBe(0);
  });
});
