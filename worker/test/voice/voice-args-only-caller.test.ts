import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { appointments, calls } from "../../../drizzle/schema";
import { db } from "../helpers/fixtures";
import {
  callFunction,
  callObject,
  createVoiceSalon,
  givePhone,
  sendSigned,
  type VoiceSalon,
  voiceAnswer,
} from "../helpers/voice";

const ALICE = "+4915111111111";
const BOB = "+4917622222222";
const DAY = "2027-03-02";

/** Retell's args-only body: the args alone, the call id (and agent) as consts among them. */
const argsOnly = (salon: VoiceSalon, fn: string, callId: string, args: Record<string, unknown>) =>
  sendSigned(
    `/api/retell/${fn}`,
    { call_id: callId, agent_id: salon.agentId, ...args },
    salon.retellKey,
  ).then(voiceAnswer);

/** A call Retell announced with call_started, once its row is stored. */
async function startedCall(salon: VoiceSalon, from: string) {
  const call = callObject(salon, { from });
  const res = await sendSigned("/webhooks/retell", { event: "call_started", call }, salon.retellKey);
  expect(res.status).toBe(204);
  await vi.waitFor(
    async () => {
      const [row] = await db.select().from(calls).where(eq(calls.retellCallId, call.call_id));
      if (!row?.fromNumber) throw new Error("call_started not processed yet");
    },
    { timeout: 8_000, interval: 50 },
  );
  return call;
}

/** Alice's appointment, booked in a call of her own. */
async function aliceBooked(salon: VoiceSalon) {
  await givePhone(salon, salon.customerIds[0]!, ALICE, "Alice Adler");
  const booked = await voiceAnswer(
    await callFunction(
      salon,
      "book_appointment",
      { service: "Herrenhaarschnitt", date: DAY, time: "11:00" },
      callObject(salon, { from: ALICE }),
    ),
  );
  expect(booked).toMatchObject({ success: true });
  return booked.appointment_id as number;
}

describe("args-only requests of a call heard of before", () => {
  it("identify the caller by the number call_started reported, not by the agent's argument", async () => {
    const salon = await createVoiceSalon();
    await givePhone(salon, salon.customerIds[0]!, ALICE, "Alice Adler");
    await givePhone(salon, salon.customerIds[1]!, BOB, "Bob Berg");
    const call = await startedCall(salon, ALICE);
    expect(await argsOnly(salon, "check-customer", call.call_id, {})).toMatchObject({
      customer_found: true,
      customer_name: "Alice Adler",
    });
    expect(
      await argsOnly(salon, "check-customer", call.call_id, { phone_number: BOB, from_number: BOB }),
    ).toMatchObject({ customer_found: true, customer_name: "Alice Adler" });
  });

  it("let only the calling number cancel, whatever number the agent passes", async () => {
    const salon = await createVoiceSalon();
    const appointmentId = await aliceBooked(salon);
    const stranger = await startedCall(salon, BOB);
    const refused = await argsOnly(salon, "cancel-appointment", stranger.call_id, {
      appointment_id: appointmentId,
      from_number: ALICE,
    });
    expect(refused).toMatchObject({ success: false, reason: "not_callers_appointment" });
    const [row] = await db.select().from(appointments).where(eq(appointments.id, appointmentId));
    expect(row!.status).toBe("confirmed");
  });

  it("identify the caller by the call object an earlier request of the call carried", async () => {
    const salon = await createVoiceSalon();
    const appointmentId = await aliceBooked(salon);
    const call = callObject(salon, { from: ALICE });
    expect(await voiceAnswer(await callFunction(salon, "current_context", {}, call))).toMatchObject({
      caller_known: true,
    });
    const listed = await argsOnly(salon, "list-appointments", call.call_id, { from_number: BOB });
    expect(listed.appointments).toMatchObject([{ appointment_id: appointmentId }]);

    // A withheld number stays withheld: the agent cannot name another.
    const hidden = callObject(salon, { from: "anonymous" });
    await callFunction(salon, "current_context", {}, hidden);
    expect(
      await argsOnly(salon, "cancel-appointment", hidden.call_id, {
        appointment_id: appointmentId,
        from_number: ALICE,
      }),
    ).toMatchObject({ success: false, reason: "caller_withheld" });
  });

  it("keep taking the caller from the arguments when the call id is unknown", async () => {
    const salon = await createVoiceSalon();
    const appointmentId = await aliceBooked(salon);
    const callId = `call_${crypto.randomUUID().replace(/-/g, "")}`;
    expect(await argsOnly(salon, "check-customer", callId, { phone_number: ALICE })).toMatchObject({
      customer_found: true,
      customer_name: "Alice Adler",
    });
    const cancelled = await argsOnly(salon, "cancel-appointment", callId, {
      appointment_id: appointmentId,
      from_number: ALICE,
    });
    expect(cancelled).toMatchObject({ success: true, appointment_id: appointmentId });
  });
});
