import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import {
  appointments,
  calendarHolds,
  calls,
  companies,
  customers,
  platformCosts,
  pricingPlans,
  transactions,
  webhookLogs,
} from "../../../drizzle/schema";
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

const CALLER = "+4915112345678";
const DAY = "2027-03-02";

async function withPlan(salon: VoiceSalon) {
  const [plan] = await db
    .insert(pricingPlans)
    .values({
      name: "Test",
      slug: `test-${crypto.randomUUID()}`,
      perCallCents: 10,
      perMinuteCents: 15,
      includedMinutes: 0,
    })
    .returning();
  await db
    .update(companies)
    .set({ pricingPlanId: plan!.id, balanceCents: 10_000 })
    .where(eq(companies.id, salon.company.companyId));
}

const webhook = (salon: VoiceSalon, body: unknown) => sendSigned("/webhooks/retell", body, salon.retellKey);

describe("a whole voice call", () => {
  it("identifies the caller, holds and books the slot, stores the call and debits it once", async () => {
    const salon = await createVoiceSalon();
    await withPlan(salon);
    await givePhone(salon, salon.customerIds[0]!, CALLER, "Jana Becker");
    const call = callObject(salon, { from: CALLER });

    expect((await webhook(salon, { event: "call_started", call })).status).toBe(204);

    const who = await voiceAnswer(await callFunction(salon, "check_customer", {}, call));
    expect(who).toMatchObject({ success: true, customer_found: true, customer_name: "Jana Becker" });
    expect(who.message).toContain("Jana Becker");

    const free = await voiceAnswer(
      await callFunction(
        salon,
        "check_availability",
        { service: "Herrenschnitt", date: DAY, time: "14:00" },
        call,
      ),
    );
    expect(free).toMatchObject({ success: true, available: true, service_name: "Herrenhaarschnitt" });
    const held = await db.select().from(calendarHolds).where(eq(calendarHolds.callId, call.call_id));
    expect(held).toHaveLength(1);

    const booked = await voiceAnswer(
      await callFunction(
        salon,
        "book_appointment",
        { service: "Herrenhaarschnitt", date: DAY, time: "14:00" },
        call,
      ),
    );
    expect(booked).toMatchObject({ success: true, customer_name: "Jana Becker" });
    expect(booked.message.length).toBeLessThanOrEqual(300);
    const [appointment] = await db
      .select()
      .from(appointments)
      .where(eq(appointments.id, booked.appointment_id as number));
    expect(appointment).toMatchObject({
      source: "voice_ai",
      customerId: salon.customerIds[0],
      status: "confirmed",
    });
    expect(await db.select().from(calendarHolds).where(eq(calendarHolds.callId, call.call_id))).toHaveLength(
      0,
    );

    const ended = {
      ...call,
      call_status: "ended",
      end_timestamp: call.start_timestamp + 185_333,
      duration_ms: 185_333,
      disconnection_reason: "agent_hangup",
      transcript: "Agent: Salon, guten Tag!\nUser: Ich hätte gern einen Termin.\n",
      transcript_object: [{ role: "agent", content: "Salon, guten Tag!", words: [] }],
      recording_url: "https://example.test/recording.wav",
      call_cost: { combined_cost: 27.4, product_costs: [], total_duration_seconds: 186 },
    };
    expect((await webhook(salon, { event: "call_ended", call: ended })).status).toBe(204);
    const stored = await vi.waitFor(
      async () => {
        const [row] = await db.select().from(calls).where(eq(calls.retellCallId, call.call_id));
        if (row?.status !== "ended" || row.chargedCents === null) throw new Error("not processed yet");
        return row;
      },
      { timeout: 8_000, interval: 100 },
    );
    expect(stored).toMatchObject({
      companyId: salon.company.companyId,
      branchId: salon.branchId,
      customerId: salon.customerIds[0],
      durationSeconds: 185,
      disconnectionReason: "agent_hangup",
      recordingUrl: "https://example.test/recording.wav",
      costCents: 27,
      chargedCents: 10 + 4 * 15,
      appointmentMade: true,
    });
    expect(appointment!.callId).toBe(stored.id);

    // Retell retries the same event, then sends the analysis: the balance moves once.
    expect(
      (await webhook(salon, { event: "call_ended", call: ended })).headers.get("X-Webhook-Outcome"),
    ).toBe("duplicate");
    const analyzed = {
      ...ended,
      call_analysis: { call_summary: "Termin gebucht.", user_sentiment: "Positive", call_successful: true },
    };
    expect((await webhook(salon, { event: "call_analyzed", call: analyzed })).status).toBe(204);
    await vi.waitFor(
      async () => {
        const [row] = await db.select().from(calls).where(eq(calls.retellCallId, call.call_id));
        if (row?.sentiment !== "positive") throw new Error("analysis not processed yet");
      },
      { timeout: 8_000, interval: 100 },
    );
    const ledger = await db
      .select()
      .from(transactions)
      .where(and(eq(transactions.companyId, salon.company.companyId), eq(transactions.type, "call_cost")));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      amountCents: -70,
      balanceBeforeCents: 10_000,
      balanceAfterCents: 9_930,
    });
    const [company] = await db.select().from(companies).where(eq(companies.id, salon.company.companyId));
    expect(company!.balanceCents).toBe(9_930);
    expect(
      await db.select().from(platformCosts).where(eq(platformCosts.externalId, call.call_id)),
    ).toHaveLength(1);
    const [customer] = await db.select().from(customers).where(eq(customers.id, salon.customerIds[0]!));
    expect(customer!.callCount).toBe(1);
  });
});

describe("who may call", () => {
  it("refuses missing, stale, tampered and wrongly keyed signatures and stores nothing", async () => {
    const salon = await createVoiceSalon();
    const call = callObject(salon);
    const args = { service: "Herrenhaarschnitt", date: DAY, time: "10:00" };
    const attempts = [
      callFunction(salon, "check_availability", args, call, { key: "key_someone_else" }),
      callFunction(salon, "check_availability", args, call, { timestamp: Date.now() - 301_000 }),
      callFunction(salon, "check_availability", args, call, { timestamp: Date.now() + 301_000 }),
      callFunction(salon, "check_availability", args, call, {
        headers: { "X-Retell-Signature": "v=1,d=abc" },
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ success: false, error: { code: "SIGNATURE_INVALID" } });
    }
    const { api } = await import("../helpers/api");
    const unsigned = await api("/api/retell/check-availability", {
      body: { name: "check_availability", args, call },
    });
    expect(unsigned.status).toBe(401);
    // Tampered: signed body, then one character changed.
    const raw = JSON.stringify({ name: "check_availability", args, call });
    const { signRetellBody } = await import("../../src/integrations/retell/signature");
    const signature = await signRetellBody(raw, salon.retellKey, Date.now());
    const tampered = await api("/api/retell/check-availability", {
      rawBody: raw.replace("10:00", "11:00"),
      headers: { "Content-Type": "application/json", "X-Retell-Signature": signature },
    });
    expect(tampered.status).toBe(401);
    const badWebhook = await sendSigned("/webhooks/retell", { event: "call_ended", call }, salon.retellKey, {
      key: "wrong",
    });
    expect(badWebhook.status).toBe(401);

    expect(await db.select().from(calendarHolds).where(eq(calendarHolds.callId, call.call_id))).toHaveLength(
      0,
    );
    expect(await db.select().from(calls).where(eq(calls.retellCallId, call.call_id))).toHaveLength(0);
    expect(await db.select().from(webhookLogs).where(eq(webhookLogs.eventId, call.call_id))).toHaveLength(0);
  });

  it("answers an unknown number with a clear 404 and logs it", async () => {
    const salon = await createVoiceSalon();
    const call = { ...callObject(salon), to_number: "+4989998877", agent_id: "agent_nobody" };
    const res = await callFunction(salon, "check_customer", {}, call);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: "UNKNOWN_NUMBER", details: { to_number: "+4989998877" } },
    });
    await vi.waitFor(async () => {
      const logged = await db.select().from(webhookLogs).where(eq(webhookLogs.eventId, call.call_id));
      expect(logged[0]).toMatchObject({ status: "rejected", responseStatus: 404 });
    });
  });
});
