import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import { calcomEventMaps, integrations } from "../../../../drizzle/schema";
import type { Db } from "../../db/client";

/** The appointment's Cal.com booking is now `uid`, and both sides agree. */
export async function markPushed(
  db: Db,
  linkId: number,
  booking: { uid: string; id: number; eventTypeId?: number | null } | null,
) {
  const now = new Date();
  await db
    .update(calcomEventMaps)
    .set({
      ...(booking
        ? {
            calcomBookingUid: booking.uid,
            calcomBookingId: booking.id,
            ...(booking.eventTypeId ? { calcomEventTypeId: booking.eventTypeId } : {}),
          }
        : {}),
      pushStatus: "pushed",
      lastError: null,
      lastSyncedAt: now,
      updatedAt: now,
    })
    .where(eq(calcomEventMaps.id, linkId));
}

/** How long a claimed push may run before another pusher may take the link over (the sweep's age too). */
export const PUSH_LEASE_MS = 2 * 60_000;

/**
 * Takes one push attempt of a link for this worker, so two pushers (a queue retry and the sweep)
 * never both create a booking in Cal.com. The attempt counter moves only if nobody moved it since
 * we read it, and only if no other attempt is running: a running attempt has set the link
 * `pending` with a fresh time and a counter above zero (a change the outbox just marked has it at
 * zero). An attempt whose worker vanished lapses after PUSH_LEASE_MS.
 */
export async function claimPush(
  db: Db,
  linkId: number,
  seenAttempts: number,
  now = Date.now(),
): Promise<boolean> {
  const result = await db
    .update(calcomEventMaps)
    .set({ syncAttempts: seenAttempts + 1, pushStatus: "pending", updatedAt: new Date(now) })
    .where(
      and(
        eq(calcomEventMaps.id, linkId),
        eq(calcomEventMaps.syncAttempts, seenAttempts),
        or(
          inArray(calcomEventMaps.pushStatus, ["failed", "pushed"]),
          eq(calcomEventMaps.syncAttempts, 0),
          lt(calcomEventMaps.updatedAt, new Date(now - PUSH_LEASE_MS)),
        ),
      ),
    )
    .run();
  return result.meta.changes === 1;
}

/** A push attempt failed: explained, left for the queue's retry, the sweep or the admin. */
export async function markPushFailed(db: Db, linkId: number, error: unknown) {
  await db
    .update(calcomEventMaps)
    .set({
      pushStatus: "failed",
      lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
      updatedAt: new Date(),
    })
    .where(eq(calcomEventMaps.id, linkId));
}

/** Records a successful exchange with Cal.com (or a failure) on the company's integration row. */
export async function recordIntegrationHealth(db: Db, companyId: number, error: unknown | null) {
  const now = new Date();
  const healthy = error === null;
  await db
    .insert(integrations)
    .values({
      companyId,
      type: "calcom",
      name: "Cal.com",
      healthStatus: healthy ? "ok" : "degraded",
      ...(healthy ? { lastSyncedAt: now } : { lastErrorAt: now, lastError: String(error), errorCount: 1 }),
    })
    .onConflictDoUpdate({
      target: [integrations.companyId, integrations.type, integrations.name],
      set: healthy
        ? { healthStatus: "ok", lastSyncedAt: now, updatedAt: now }
        : {
            healthStatus: "degraded",
            lastErrorAt: now,
            lastError: String(error).slice(0, 500),
            errorCount: sql`${integrations.errorCount} + 1`,
            updatedAt: now,
          },
    });
}
