/**
 * The fee of a charge_fee violation in integer cents.
 *
 * With fee_percent_bp set, the fee is that share of the price: price × bp / 10 000, rounded half-up
 * to whole cents (0.5 ct → 1 ct, never banker's rounding), computed in integers so no float error
 * creeps in. bp ≤ 10 000 keeps it at most the price; no price (null) means no percentage fee.
 * Otherwise the fixed fee_cents applies, which may exceed a cheap appointment's price on purpose.
 */
export function violationFee(
  policy: { fee_cents: number; fee_percent_bp?: number | undefined },
  priceCents: number | null,
): number {
  if (policy.fee_percent_bp === undefined) return policy.fee_cents;
  if (priceCents === null) return 0;
  return percentOfCents(priceCents, policy.fee_percent_bp);
}

/** `bp` basis points of `cents`, rounded half-up. Both must be non-negative integers. */
export function percentOfCents(cents: number, bp: number): number {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`Invalid price in cents: ${cents}`);
  if (!Number.isSafeInteger(bp) || bp < 0) throw new RangeError(`Invalid basis points: ${bp}`);
  // cents ≤ 10^11 keeps cents × bp within 2^53 for bp ≤ 10 000; prices are far below that.
  return Math.floor((cents * bp + 5_000) / 10_000);
}
