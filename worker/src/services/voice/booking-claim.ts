import { and, count, eq, gt, gte, lt, sql } from "drizzle-orm";
import { idempotencyKeys } from "../../../../drizzle/schema";
import { bookingsLastHourQuery, VOICE_BOOKINGS_PER_HOUR } from "./booking-customer";
import type { VoiceContext } from "./voice-context";

/**
 * In-flight voice bookings live as rows of idempotency_keys under their own scope: the table is
 * the platform's store of "a retryable write is under way" (unique per company, scope and key,
 * swept by the retention job once expired), which is exactly what a claim is, so the limit needs
 * no table of its own.
 */
const CLAIM_SCOPE = "voice_booking_claim";
/**
 * A claim outlives any booking attempt (a calendar reservation lapses after 30 s); should the
 * Worker die before giving it back, it stops counting after this.
 */
const CLAIM_TTL_MS = 2 * 60_000;

/** A claimed voice booking of one customer; `null` id: the customer had none left. */
export interface VoiceBookingClaim {
  id: number | null;
}

/**
 * Claims one of the customer's VOICE_BOOKINGS_PER_HOUR voice bookings of the last hour, in one statement: the
 * claim row is written only while the customer's voice bookings of the last hour plus the claims
 * of bookings still under way are fewer than the limit. D1 runs a statement atomically, so two
 * calls of the same customer cannot both take the last booking (counting first and booking later
 * let both pass). The claim is given back once the booking attempt is over, whatever its outcome:
 * a booking made is counted by its appointment from then on.
 */
export async function claimVoiceBooking(ctx: VoiceContext, customerId: number): Promise<VoiceBookingClaim> {
  const db = ctx.scope.db;
  const companyId = ctx.tenant.companyId;
  const prefix = `${customerId}:`;
  const now = ctx.now;
  const booked = bookingsLastHourQuery(ctx, [customerId]);
  const underWay = db
    .select({ n: count() })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.companyId, companyId),
        eq(idempotencyKeys.scope, CLAIM_SCOPE),
        // The customer's claims: a key range, so the unique index answers it.
        gte(idempotencyKeys.key, prefix),
        lt(idempotencyKeys.key, `${customerId};`),
        gt(idempotencyKeys.expiresAt, new Date(now)),
      ),
    );
  const key = `${prefix}${crypto.randomUUID()}`;
  const rows = await db.all<{ id: number }>(sql`
    INSERT INTO idempotency_keys (company_id, scope, key, request_hash, created_at, expires_at)
    SELECT ${companyId}, ${CLAIM_SCOPE}, ${key}, ${key}, ${now}, ${now + CLAIM_TTL_MS}
    WHERE (${booked}) + (${underWay}) < ${VOICE_BOOKINGS_PER_HOUR}
    RETURNING id`);
  return { id: rows[0]?.id ?? null };
}

/**
 * Gives a claim back (the booking attempt is over: booked, or not). Awaited before the answer:
 * until it is gone a booking just made counts twice (its appointment and its claim), which would
 * refuse the customer's next booking too early.
 */
export async function releaseVoiceBooking(
  ctx: Pick<VoiceContext, "scope" | "tenant">,
  claim: VoiceBookingClaim,
): Promise<void> {
  if (claim.id === null) return;
  await ctx.scope.db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.id, claim.id),
        eq(idempotencyKeys.companyId, ctx.tenant.companyId),
        eq(idempotencyKeys.scope, CLAIM_SCOPE),
      ),
    );
}
