import { describe, expect, it } from "vitest";
import { localDate, nextLocalDate, zonedInstant } from "../../src/domain/zoned-time";
import {
  callFunction,
  callObject,
  createVoiceSalon,
  givePhone,
  sendSigned,
  voiceAnswer,
} from "../helpers/voice";

describe("caller identification", () => {
  it.each([
    "+4915112345678",
    "+49 151 12345678",
    "0151 12345678",
    "0151/123 456 78",
    "0049 151 12345678",
    "4915112345678",
  ])("finds the customer behind %s (args-only form)", async (spoken) => {
    const salon = await createVoiceSalon();
    await givePhone(salon, salon.customerIds[0]!, "+4915112345678", "Jana Becker");
    const res = await sendSigned(
      "/api/retell/check-customer",
      { call_id: `call_${crypto.randomUUID()}`, agent_id: salon.agentId, phone_number: spoken },
      salon.retellKey,
    );
    expect(await voiceAnswer(res)).toMatchObject({ customer_found: true, customer_name: "Jana Becker" });
  });

  it("treats a withheld or missing number as withheld and asks for name and call-back number", async () => {
    const salon = await createVoiceSalon();
    for (const from of ["anonymous", null]) {
      const answer = await voiceAnswer(
        await callFunction(salon, "check_customer", {}, callObject(salon, { from })),
      );
      expect(answer).toMatchObject({ success: false, caller_withheld: true });
      expect(answer.message).toMatch(/Namen.*Rückrufnummer/);
    }
  });

  it("never lets one company's key speak for another company's number", async () => {
    const a = await createVoiceSalon();
    const b = await createVoiceSalon();
    const res = await callFunction(a, "list_appointments", {}, callObject(a), { key: b.retellKey });
    expect(res.status).toBe(401);
  });
});

describe("dates as callers say them, relative to the call's start in the branch's zone", () => {
  it("reads 'morgen' at 23:59 Berlin time as the next Berlin day, not UTC's", async () => {
    const salon = await createVoiceSalon();
    // 23:59:30 in Berlin on some day next year; UTC is already 22:59 of the same day.
    const today = localDate(new Date(Date.now() + 40 * 86_400_000), "Europe/Berlin");
    const start = zonedInstant(today, "23:59", "Europe/Berlin").getTime() + 30_000;
    const answer = await voiceAnswer(
      await callFunction(
        salon,
        "check_availability",
        { service: "Herrenhaarschnitt", date: "morgen", time: "halb drei" },
        callObject(salon, { startTimestamp: start }),
      ),
    );
    expect(answer).toMatchObject({ available: true });
    expect(answer.slot as { date: string; time: string }).toMatchObject({
      date: nextLocalDate(today),
      time: "14:30",
    });
  });

  it("asks instead of guessing when the time is unclear", async () => {
    const salon = await createVoiceSalon({ hours: { start: "07:00", end: "22:00" } });
    const answer = await voiceAnswer(
      await callFunction(
        salon,
        "check_availability",
        { service: "Herrenhaarschnitt", date: "2027-03-02", time: "um 8" },
        callObject(salon),
      ),
    );
    expect(answer).toMatchObject({ success: false, reason: "unclear_time" });
    expect(answer.message).toMatch(/8.*20|20.*8/);
  });
});
