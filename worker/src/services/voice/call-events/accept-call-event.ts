import { eq } from "drizzle-orm";
import { processedWebhooks, webhookLogs } from "../../../../../drizzle/schema";
import type { Db } from "../../../db/client";
import type { Env } from "../../../env";
import type { CallEventJob, CallEventName } from "./call-event";

export type Acceptance = "queued" | "duplicate";

/**
 * Takes a verified call event off Retell's hands fast: the delivery is recorded once per event and
 * call (a retry or duplicate is acknowledged without effect), the payload is kept in the webhook
 * log, and the work is queued. If queueing fails the record is undone, so Retell's retry is not
 * mistaken for a duplicate and nothing is lost.
 */
export async function acceptCallEvent(
  db: Db,
  env: Env,
  event: CallEventName,
  callId: string,
  companyId: number,
  payload: unknown,
): Promise<Acceptance> {
  const eventId = `${event}:${callId}`;
  const [claimed, logged] = await db.batch([
    db
      .insert(processedWebhooks)
      .values({ source: "retell", eventId, companyId, eventType: event })
      .onConflictDoNothing()
      .returning({ id: processedWebhooks.id }),
    db
      .insert(webhookLogs)
      .values({
        companyId,
        source: "retell",
        eventType: event,
        eventId: callId,
        payload,
        signatureValid: true,
      })
      .returning({ id: webhookLogs.id }),
  ]);
  const logId = logged[0]!.id;
  if (claimed.length === 0) {
    await db
      .update(webhookLogs)
      .set({ status: "duplicate", responseStatus: 204 })
      .where(eq(webhookLogs.id, logId));
    return "duplicate";
  }
  const job: CallEventJob = { webhookLogId: logId, companyId, event };
  try {
    await env.CALL_EVENTS_QUEUE.send({ type: "retell_call_event", payload: job, origin: "call-events" });
  } catch (error) {
    await db.batch([
      db.delete(processedWebhooks).where(eq(processedWebhooks.id, claimed[0]!.id)),
      db
        .update(webhookLogs)
        .set({ status: "failed", errorMessage: String(error) })
        .where(eq(webhookLogs.id, logId)),
    ]);
    throw error;
  }
  return "queued";
}
