import { and, eq, type SQL, sql } from "drizzle-orm";
import { companies, platformCosts, pricingPlans, transactions } from "../../../../../drizzle/schema";
import { runBatch } from "../../../db/batch";
import type { Db } from "../../../db/client";
import { type CallCharge, callCharge, convertCents } from "../../../domain/billing/call-charge";
import type { Env } from "../../../env";
import { billingMonth, includedMinutesUsedQuery } from "./included-minutes";

export interface BillableCall {
  callRowId: number;
  retellCallId: string;
  companyId: number;
  durationSeconds: number;
  providerCostCents: number;
  occurredAt: Date;
}

/**
 * A bill whose included minutes another call took meanwhile is computed again; each round at
 * least one of the competing bills is written, so this bounds the rounds for that many calls of
 * one company ending together. Beyond it the job fails and the queue delivers it again.
 */
const MAX_ROUNDS = 8;

/**
 * Records a call's cost to the platform and debits the company's prepaid balance, exactly once:
 * the platform cost is unique per Retell call id, the ledger row unique per call, and the balance
 * changes in the same batch only when that ledger row was written by this very batch (its token).
 * A second delivery of the same cost changes nothing.
 *
 * The plan's included minutes are consumed race-free: the ledger row is written only if the
 * minutes left are still those the charge was computed with (one conditional statement, in the
 * batch that moves the balance). When a concurrent bill took them first, the charge is computed
 * again, so two calls billed at once never both take the same minutes.
 */
export async function billCall(
  db: Db,
  env: Env,
  call: BillableCall,
): Promise<{ charged: boolean; chargeCents: number }> {
  const [company] = await db
    .select({
      currency: companies.currency,
      timezone: companies.timezone,
      perCallCents: pricingPlans.perCallCents,
      perMinuteCents: pricingPlans.perMinuteCents,
      includedMinutes: pricingPlans.includedMinutes,
      planId: pricingPlans.id,
    })
    .from(companies)
    .leftJoin(pricingPlans, eq(pricingPlans.id, companies.pricingPlanId))
    .where(eq(companies.id, call.companyId));
  if (!company) return { charged: false, chargeCents: 0 };

  const month = billingMonth(call.occurredAt, company.timezone);
  const rate = exchangeRateMicros(env, company.currency);
  const converted = convertCents(call.providerCostCents, rate);
  const pricing =
    company.planId === null
      ? null
      : {
          perCallCents: company.perCallCents ?? 0,
          perMinuteCents: company.perMinuteCents ?? 0,
          includedMinutes: company.includedMinutes ?? 0,
        };
  const usedQuery = () => includedMinutesUsedQuery(db, call.companyId, month, call.callRowId);
  for (let round = 1; ; round++) {
    const [used] = await usedQuery();
    const minutesUsed = Number(used?.minutes ?? 0);
    const charge = callCharge({
      durationSeconds: call.durationSeconds,
      minutesUsedThisMonth: minutesUsed,
      pricing,
      convertedCostCents: converted,
    });
    const included = pricing?.includedMinutes ?? 0;
    // Once nothing is left, other bills cannot change this one: the guard always holds.
    const stillLeft = sql`MAX(0, ${included} - (${usedQuery()})) = ${Math.max(0, included - minutesUsed)}`;
    const outcome = await writeCharge(db, call, company.currency, charge, { rate, converted }, stillLeft);
    if (outcome !== "moved") return { charged: outcome === "charged", chargeCents: charge.chargeCents };
    if (round >= MAX_ROUNDS) {
      throw new Error(`Call ${call.retellCallId}: included minutes kept moving while billing`);
    }
  }
}

/**
 * The batch of one bill: platform cost, ledger row (only while `stillLeft` holds), balance and
 * call. "charged": this batch wrote the ledger row; "billed before": an earlier delivery did;
 * "moved": the included minutes changed under it, nothing was charged.
 */
async function writeCharge(
  db: Db,
  call: BillableCall,
  currency: string,
  charge: CallCharge,
  cost: { rate: number; converted: number },
  stillLeft: SQL,
): Promise<"charged" | "billed before" | "moved"> {
  const token = crypto.randomUUID();
  const balance = sql`(SELECT balance_cents FROM companies WHERE id = ${call.companyId})`;
  const written = sql`EXISTS (SELECT 1 FROM transactions WHERE company_id = ${call.companyId} AND type = 'call_cost'
    AND reference_type = 'call' AND reference_id = ${call.callRowId} AND json_extract(metadata, '$.token') = ${token})`;
  const metadata = JSON.stringify({
    token,
    retell_call_id: call.retellCallId,
    duration_seconds: call.durationSeconds,
    billed_minutes: charge.billedMinutes,
    included_minutes_used: charge.includedMinutesUsed,
    provider_cost_cents: call.providerCostCents,
  });
  await runBatch(db, [
    db
      .insert(platformCosts)
      .values({
        companyId: call.companyId,
        serviceType: "retell",
        costCents: call.providerCostCents,
        currency: "USD",
        exchangeRateMicros: cost.rate,
        convertedCostCents: cost.converted,
        quantity: Math.max(1, Math.ceil(call.durationSeconds / 60)),
        unit: "minute",
        callId: call.callRowId,
        externalId: call.retellCallId,
        occurredAt: call.occurredAt,
      })
      .onConflictDoNothing(),
    sql`INSERT INTO transactions (company_id, type, amount_cents, currency, balance_before_cents, balance_after_cents,
        reference_type, reference_id, description, metadata, created_at)
      SELECT ${call.companyId}, 'call_cost', ${-charge.chargeCents}, ${currency}, ${balance},
        ${balance} - ${charge.chargeCents}, 'call', ${call.callRowId}, ${`Anruf ${call.retellCallId}`}, ${metadata},
        ${Date.now()}
      WHERE ${stillLeft}
      ON CONFLICT DO NOTHING`,
    sql`UPDATE companies SET balance_cents = balance_cents - ${charge.chargeCents}, updated_at = ${Date.now()}
      WHERE id = ${call.companyId} AND ${written}`,
    sql`UPDATE calls SET charged_cents = ${charge.chargeCents}, updated_at = ${Date.now()}
      WHERE id = ${call.callRowId} AND ${written}`,
  ]);
  const [ledger] = await db
    .select({ metadata: transactions.metadata })
    .from(transactions)
    .where(
      and(
        eq(transactions.companyId, call.companyId),
        eq(transactions.type, "call_cost"),
        eq(transactions.referenceType, "call"),
        eq(transactions.referenceId, call.callRowId),
      ),
    );
  if (!ledger) return "moved";
  return (ledger.metadata as { token?: string } | null)?.token === token ? "charged" : "billed before";
}

/** Provider (USD) → company currency, in millionths; configured by USD_EXCHANGE_RATES_MICROS. */
function exchangeRateMicros(env: Env, currency: string): number {
  if (currency === "USD") return 1_000_000;
  try {
    const table = JSON.parse(env.USD_EXCHANGE_RATES_MICROS ?? "{}") as Record<string, number>;
    const rate = table[currency];
    if (typeof rate === "number" && Number.isSafeInteger(rate) && rate > 0) return rate;
  } catch {
    // fall through to the logged default
  }
  console.warn(JSON.stringify({ event: "exchange_rate_missing", currency }));
  return 1_000_000;
}
