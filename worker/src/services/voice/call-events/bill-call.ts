import { and, eq, gte, isNotNull, ne, sql } from "drizzle-orm";
import { calls, companies, platformCosts, pricingPlans, transactions } from "../../../../../drizzle/schema";
import { runBatch } from "../../../db/batch";
import type { Db } from "../../../db/client";
import { callCharge, convertCents } from "../../../domain/billing/call-charge";
import { zonedInstant } from "../../../domain/zoned-time";
import type { Env } from "../../../env";

export interface BillableCall {
  callRowId: number;
  retellCallId: string;
  companyId: number;
  durationSeconds: number;
  providerCostCents: number;
  occurredAt: Date;
}

/**
 * Records a call's cost to the platform and debits the company's prepaid balance, exactly once:
 * the platform cost is unique per Retell call id, the ledger row unique per call, and the balance
 * changes in the same batch only when that ledger row was written by this very batch (its token).
 * A second delivery of the same cost changes nothing.
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

  const monthStart = zonedInstant(
    `${new Intl.DateTimeFormat("en-CA", { timeZone: company.timezone, year: "numeric", month: "2-digit" }).format(call.occurredAt)}-01`,
    "00:00",
    company.timezone,
  );
  const [used] = await db
    .select({ minutes: sql<number>`COALESCE(SUM((${calls.durationSeconds} + 59) / 60), 0)` })
    .from(calls)
    .where(
      and(
        eq(calls.companyId, call.companyId),
        gte(calls.startedAt, monthStart),
        isNotNull(calls.chargedCents),
        ne(calls.id, call.callRowId),
      ),
    );
  const rate = exchangeRateMicros(env, company.currency);
  const converted = convertCents(call.providerCostCents, rate);
  const charge = callCharge({
    durationSeconds: call.durationSeconds,
    minutesUsedThisMonth: Number(used?.minutes ?? 0),
    pricing:
      company.planId === null
        ? null
        : {
            perCallCents: company.perCallCents ?? 0,
            perMinuteCents: company.perMinuteCents ?? 0,
            includedMinutes: company.includedMinutes ?? 0,
          },
    convertedCostCents: converted,
  });

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
        exchangeRateMicros: rate,
        convertedCostCents: converted,
        quantity: Math.max(1, Math.ceil(call.durationSeconds / 60)),
        unit: "minute",
        callId: call.callRowId,
        externalId: call.retellCallId,
        occurredAt: call.occurredAt,
      })
      .onConflictDoNothing(),
    sql`INSERT INTO transactions (company_id, type, amount_cents, currency, balance_before_cents, balance_after_cents,
        reference_type, reference_id, description, metadata, created_at)
      VALUES (${call.companyId}, 'call_cost', ${-charge.chargeCents}, ${company.currency}, ${balance},
        ${balance} - ${charge.chargeCents}, 'call', ${call.callRowId}, ${`Anruf ${call.retellCallId}`}, ${metadata},
        ${Date.now()})
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
  return {
    charged: (ledger?.metadata as { token?: string } | null)?.token === token,
    chargeCents: charge.chargeCents,
  };
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
