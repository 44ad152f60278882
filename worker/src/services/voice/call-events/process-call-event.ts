import { eq, sql } from "drizzle-orm";
import { calls, customers, webhookLogs } from "../../../../../drizzle/schema";
import { createDb } from "../../../db/client";
import { TenantScope } from "../../../db/tenant-scope";
import { normalizePhone } from "../../../domain/phone";
import type { Env } from "../../../env";
import { resolveVoiceTenant } from "../../../integrations/retell/voice-tenant";
import { releaseCallHolds } from "../../scheduling/call-holds";
import { callSession } from "../call-session-client";
import { customersWithNumber } from "../caller";
import { billCall } from "./bill-call";
import { type CallEventJob, callOfEvent, StoredCallSchema } from "./call-event";
import { callRowFields, providerCostCents } from "./call-row-fields";

/**
 * Stores what a call event says (queued by the webhook, so Retell got its 2xx at once): the call
 * row with numbers, times, transcript, recording, analysis and cost, linked to customer, branch,
 * agent and the appointments booked in it. call_ended lets go of the call's holds and counts the
 * contact; a reported cost is billed exactly once. Safe to run twice.
 */
export async function processCallEvent(env: Env, job: CallEventJob): Promise<void> {
  const db = createDb(env.DB);
  const [log] = await db.select().from(webhookLogs).where(eq(webhookLogs.id, job.webhookLogId));
  if (!log || log.companyId !== job.companyId) return;
  const parsed = StoredCallSchema.safeParse(callOfEvent(log.payload as Record<string, unknown>));
  if (!parsed.success) {
    await db
      .update(webhookLogs)
      .set({
        status: "failed",
        errorMessage: parsed.error.issues[0]?.message ?? "Unreadable call",
        processedAt: new Date(),
      })
      .where(eq(webhookLogs.id, log.id));
    return;
  }
  const call = parsed.data;
  const tenant = await resolveVoiceTenant(db, {
    toNumber: call.to_number,
    agentId: call.agent_id,
    callId: call.call_id,
  });
  const scope = new TenantScope(db, job.companyId);
  const sameCompany = tenant?.companyId === job.companyId ? tenant : null;

  const from = call.from_number ? normalizePhone(call.from_number, sameCompany?.country ?? "DE") : null;
  const customerId = from?.ok
    ? ((await customersWithNumber(db, job.companyId, from.e164))[0]?.id ?? null)
    : null;
  const fields = callRowFields(job.event, call);
  const [row] = await db
    .insert(calls)
    .values({
      retellCallId: call.call_id,
      companyId: job.companyId,
      branchId: sameCompany?.branchId ?? null,
      phoneNumberId: sameCompany?.phoneNumberId ?? null,
      agentId: sameCompany?.agentRowId ?? null,
      customerId,
      ...fields,
    })
    .onConflictDoUpdate({
      target: calls.retellCallId,
      set: { ...fields, ...(customerId ? { customerId } : {}), updatedAt: new Date() },
      setWhere: eq(calls.companyId, job.companyId),
    })
    .returning({ id: calls.id, customerId: calls.customerId });
  if (!row) return; // the call id belongs to another company: nothing of theirs is touched

  await db
    .update(calls)
    .set({
      appointmentMade: sql`EXISTS (SELECT 1 FROM appointments WHERE call_id = ${row.id} AND company_id = ${job.companyId})`,
    })
    .where(eq(calls.id, row.id));

  if (job.event === "call_ended") {
    await releaseCallHolds(scope, env, call.call_id);
    await callSession(env, job.companyId, call.call_id).replaceOffers([]);
    if (row.customerId) {
      await db
        .update(customers)
        .set({
          callCount: sql`${customers.callCount} + 1`,
          lastContactAt: new Date(call.end_timestamp ?? Date.now()),
        })
        .where(scope.byId(customers, row.customerId));
    }
  }
  const cost = providerCostCents(call);
  if (cost !== null && job.event !== "call_started") {
    await billCall(db, env, {
      callRowId: row.id,
      retellCallId: call.call_id,
      companyId: job.companyId,
      durationSeconds: fields.durationSeconds ?? 0,
      providerCostCents: cost,
      occurredAt: fields.startedAt ?? new Date(),
    });
  }
  await db
    .update(webhookLogs)
    .set({ status: "processed", responseStatus: 204, processedAt: new Date() })
    .where(eq(webhookLogs.id, log.id));
}
