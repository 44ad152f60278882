import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calls, companies, pricingPlans, transactions } from "../../../drizzle/schema";
import { billCall } from "../../src/services/voice/call-events/bill-call";
import { db } from "../helpers/fixtures";
import { createVoiceSalon, type VoiceSalon } from "../helpers/voice";

const PER_CALL = 10;
const PER_MINUTE = 15;

async function withIncludedMinutes(salon: VoiceSalon, includedMinutes: number) {
  const [plan] = await db
    .insert(pricingPlans)
    .values({
      name: "Inklusive",
      slug: `incl-${crypto.randomUUID()}`,
      perCallCents: PER_CALL,
      perMinuteCents: PER_MINUTE,
      includedMinutes,
    })
    .returning();
  await db
    .update(companies)
    .set({ pricingPlanId: plan!.id, balanceCents: 10_000 })
    .where(eq(companies.id, salon.company.companyId));
}

/** An ended call of the salon, as the call webhooks store it before billing. */
async function endedCall(salon: VoiceSalon, durationSeconds: number, startedAt: Date) {
  const retellCallId = `call_${crypto.randomUUID().replace(/-/g, "")}`;
  const [row] = await db
    .insert(calls)
    .values({
      retellCallId,
      companyId: salon.company.companyId,
      branchId: salon.branchId,
      status: "ended",
      startedAt,
      endedAt: new Date(startedAt.getTime() + durationSeconds * 1000),
      durationSeconds,
    })
    .returning({ id: calls.id });
  return {
    callRowId: row!.id,
    retellCallId,
    companyId: salon.company.companyId,
    durationSeconds,
    providerCostCents: 30,
    occurredAt: startedAt,
  };
}

const ledgerOf = (companyId: number) =>
  db
    .select()
    .from(transactions)
    .where(and(eq(transactions.companyId, companyId), eq(transactions.type, "call_cost")));

describe("included plan minutes under concurrent billing", () => {
  it("lets two calls billed at once share the minutes left, never both take them", async () => {
    const salon = await createVoiceSalon();
    await withIncludedMinutes(salon, 15);
    const startedAt = new Date();
    // 5 of the 15 included minutes are used by an earlier call: 10 are left.
    await billCall(db, env, await endedCall(salon, 5 * 60, startedAt));
    const first = await endedCall(salon, 7 * 60, startedAt);
    const second = await endedCall(salon, 6 * 60 + 1, startedAt); // 7 started minutes

    const results = await Promise.all([billCall(db, env, first), billCall(db, env, second)]);
    expect(results.every((r) => r.charged)).toBe(true);

    const ledger = await ledgerOf(salon.company.companyId);
    const ofCall = (id: number) => ledger.find((t) => t.referenceId === id)!;
    const used = [first, second].map(
      (c) => (ofCall(c.callRowId).metadata as { included_minutes_used: number }).included_minutes_used,
    );
    expect(used[0]! + used[1]!).toBe(10);
    // 14 minutes called, 10 included: 4 minutes are charged, plus the fee of each call.
    const charged = [first, second].map((c) => -ofCall(c.callRowId).amountCents);
    expect(charged[0]! + charged[1]!).toBe(2 * PER_CALL + 4 * PER_MINUTE);
    for (const c of [first, second]) {
      const [row] = await db.select().from(calls).where(eq(calls.id, c.callRowId));
      expect(row!.chargedCents).toBe(-ofCall(c.callRowId).amountCents);
    }
    const [company] = await db.select().from(companies).where(eq(companies.id, salon.company.companyId));
    // The earlier call: its fee only (all 5 minutes included).
    expect(company!.balanceCents).toBe(10_000 - PER_CALL - (2 * PER_CALL + 4 * PER_MINUTE));
    const total = ledger.reduce((sum, t) => sum + t.amountCents, 0);
    expect(company!.balanceCents).toBe(10_000 + total);

    // A second delivery of either bill changes nothing.
    const again = await Promise.all([billCall(db, env, first), billCall(db, env, second)]);
    expect(again.every((r) => !r.charged)).toBe(true);
    expect(await ledgerOf(salon.company.companyId)).toHaveLength(3);
    const [after] = await db.select().from(companies).where(eq(companies.id, salon.company.companyId));
    expect(after!.balanceCents).toBe(company!.balanceCents);
  });
});
