import { and, eq, sql } from "drizzle-orm";
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

/**
 * Takes one push attempt of a link for this worker: the attempt counter moves only if nobody else
 * moved it since we read it, so two pushers (a queue retry and the sweep) never both create a
 * booking in Cal.com. The claim lapses by itself: the sweep retakes links untouched for minutes.
 */
export async function claimPush(db: Db, linkId: number, seenAttempts: number): Promise<boolean> {
  const result = await db
    .update(calcomEventMaps)
    .set({ syncAttempts: seenAttempts + 1, updatedAt: new Date() })
    .where(and(eq(calcomEventMaps.id, linkId), eq(calcomEventMaps.syncAttempts, seenAttempts)))
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
