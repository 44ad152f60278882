/**
 * What a voice call costs the company, in whole cents of the company's currency, from its price
 * plan: a fee per call plus a fee per started minute, where the plan's included minutes of the
 * month are used first. Without a plan the platform's own cost is passed through. Integer
 * arithmetic only: money is never a float here.
 */
export interface CallPricing {
  perCallCents: number;
  perMinuteCents: number;
  includedMinutes: number;
}

export interface CallChargeInput {
  durationSeconds: number;
  /** Minutes of earlier calls this month already counted against the included minutes. */
  minutesUsedThisMonth: number;
  pricing: CallPricing | null;
  /** The provider's cost converted into the company's currency (the pass-through fallback). */
  convertedCostCents: number;
}

export interface CallCharge {
  chargeCents: number;
  billedMinutes: number;
  includedMinutesUsed: number;
}

export const startedMinutes = (seconds: number) => Math.ceil(Math.max(0, seconds) / 60);

export function callCharge(input: CallChargeInput): CallCharge {
  const minutes = startedMinutes(input.durationSeconds);
  if (!input.pricing)
    return { chargeCents: input.convertedCostCents, billedMinutes: minutes, includedMinutesUsed: 0 };
  const included = Math.max(0, input.pricing.includedMinutes - input.minutesUsedThisMonth);
  const includedMinutesUsed = Math.min(minutes, included);
  const billedMinutes = minutes - includedMinutesUsed;
  return {
    chargeCents: input.pricing.perCallCents + billedMinutes * input.pricing.perMinuteCents,
    billedMinutes,
    includedMinutesUsed,
  };
}

/** Converts provider cents (USD) at a rate in millionths, rounding half up. */
export function convertCents(cents: number, rateMicros: number): number {
  return Math.floor((cents * rateMicros + 500_000) / 1_000_000);
}
