import { and, isNotNull, lt, or } from "drizzle-orm";
import { idempotencyKeys, processedWebhooks, userSessions, webhookLogs } from "../../../drizzle/schema";
import type { Db } from "../db/client";

const DAY_MS = 86_400_000;

/** How long operational records are kept before the nightly clean-up removes them. */
export const RETENTION = {
  endedSessionsDays: 7,
  processedWebhooksDays: 30,
  webhookLogsDays: 90,
} as const;

/** Deletes what no longer serves a purpose: ended sessions, expired idempotency keys, old webhook records. */
export async function runRetention(db: Db, now = new Date()): Promise<Record<string, number>> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const results = await db.batch([
    db
      .delete(userSessions)
      .where(
        or(
          lt(userSessions.expiresAt, now),
          and(
            isNotNull(userSessions.revokedAt),
            lt(userSessions.revokedAt, before(RETENTION.endedSessionsDays)),
          ),
        ),
      ),
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)),
    db
      .delete(processedWebhooks)
      .where(lt(processedWebhooks.processedAt, before(RETENTION.processedWebhooksDays))),
    db.delete(webhookLogs).where(lt(webhookLogs.createdAt, before(RETENTION.webhookLogsDays))),
  ]);
  const [sessions, idempotency, webhooks, logs] = results.map((r) => r.meta.changes ?? 0);
  return {
    sessions: sessions ?? 0,
    idempotency_keys: idempotency ?? 0,
    processed_webhooks: webhooks ?? 0,
    webhook_logs: logs ?? 0,
  };
}
