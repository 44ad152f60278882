import { type SQL, sql } from "drizzle-orm";
import type { Env } from "../../env";

/**
 * The Cal.com outbox. A platform change to an appointment marks its Cal.com link `pending` in the
 * same D1 batch as the change itself, so no committed change can be forgotten; the queue message
 * sent afterwards only makes the push prompt. A lost message is caught by the sweep (cron), which
 * re-sends every link left pending.
 *
 * Companies without a Cal.com key get no row: the statement's EXISTS makes it a no-op for them.
 */
export function markCalcomPending(
  companyId: number,
  appointment: { id: number } | { uid: string },
  guard?: SQL,
): SQL {
  const appointmentId =
    "id" in appointment
      ? sql`${appointment.id}`
      : sql`(SELECT id FROM appointments WHERE uid = ${appointment.uid})`;
  return sql`INSERT INTO calcom_event_maps (company_id, appointment_id, origin, push_status, updated_at)
    SELECT ${companyId}, ${appointmentId}, 'platform', 'pending', ${Date.now()}
    WHERE EXISTS (SELECT 1 FROM companies WHERE id = ${companyId} AND calcom_api_key_enc IS NOT NULL)
      AND ${guard ?? sql`1`}
    ON CONFLICT (appointment_id) DO UPDATE SET
      push_status = 'pending', sync_attempts = 0, last_error = NULL, updated_at = excluded.updated_at
    RETURNING appointment_id AS calcom_pending_id`;
}

/** The appointments a batch marked for a Cal.com push (the rows markCalcomPending returned). */
export function calcomPendingIds(results: readonly D1Result[]): number[] {
  const ids: number[] = [];
  for (const result of results) {
    for (const row of (result.results ?? []) as { calcom_pending_id?: unknown }[]) {
      if (typeof row.calcom_pending_id === "number") ids.push(row.calcom_pending_id);
    }
  }
  return ids;
}

export interface CalcomPushJob {
  companyId: number;
  appointmentId: number;
}

export const CALCOM_PUSH_JOB = "calcom_push";

/**
 * Asks the calendar-sync queue to push appointments to Cal.com. Never throws: the booking is
 * committed already, and a push whose message is lost is re-sent by the sweep.
 */
export async function requestCalcomPush(
  env: Env,
  companyId: number,
  appointmentIds: number[],
): Promise<void> {
  if (appointmentIds.length === 0) return;
  try {
    await env.CALENDAR_SYNC_QUEUE.sendBatch(
      appointmentIds.map((appointmentId) => ({
        body: {
          type: CALCOM_PUSH_JOB,
          payload: { companyId, appointmentId } satisfies CalcomPushJob,
          origin: "calendar-sync",
        },
      })),
    );
  } catch (error) {
    console.error(
      JSON.stringify({ level: "error", event: "calcom_push_enqueue_failed", error: String(error) }),
    );
  }
}
