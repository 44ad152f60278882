import { eq } from "drizzle-orm";
import { processedWebhooks, webhookLogs } from "../../../../../drizzle/schema";
import type { WebhookLogStatus } from "../../../../../drizzle/schema/enums";
import type { Db } from "../../../db/client";
import { TenantScope } from "../../../db/tenant-scope";
import type { Env } from "../../../env";
import { calcomBookingWebhookSchema, verifyCalcomSignature } from "../../../integrations/calcom";
import { calcomWebhookSecret } from "../connection";
import { type AppliedWebhook, applyCalcomBooking } from "./apply-calcom-booking";
import { companyOfWebhook } from "./webhook-company";

export type ReceivedWebhook =
  | {
      status: 200;
      outcome: AppliedWebhook["outcome"] | "duplicate" | "ignored" | "unknown_company";
      appointmentId: number | null;
    }
  | { status: 401; outcome: "bad_signature"; appointmentId: null };

const sha256Hex = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");

/**
 * One Cal.com webhook delivery: attributed to a company, its signature verified with that
 * company's secret, deduplicated (the same delivery twice has one effect) and applied at once
 * (Cal.com never retries, so there is no later chance). Every delivery is logged.
 */
export async function receiveCalcomWebhook(
  env: Env,
  db: Db,
  rawBody: string,
  body: unknown,
  signature: string | undefined,
  queryCompany: string | undefined,
): Promise<ReceivedWebhook> {
  const parsed = calcomBookingWebhookSchema.safeParse(body);
  const payload = parsed.success ? parsed.data.payload : null;
  const trigger = (body as { triggerEvent?: unknown })?.triggerEvent;
  const eventType = typeof trigger === "string" ? trigger.slice(0, 64) : null;
  const company = await companyOfWebhook(db, queryCompany, payload);
  const log = (
    status: WebhookLogStatus,
    responseStatus: number,
    extra: Partial<typeof webhookLogs.$inferInsert> = {},
  ) =>
    db
      .insert(webhookLogs)
      .values({
        companyId: company?.id ?? null,
        source: "calcom",
        eventType,
        eventId: payload?.uid ?? null,
        payload: body,
        status,
        responseStatus,
        ...extra,
      })
      .returning({ id: webhookLogs.id });

  if (!company) {
    await log("ignored", 200, { errorMessage: "No company matches this webhook" });
    return { status: 200, outcome: "unknown_company", appointmentId: null };
  }
  const secret = await calcomWebhookSecret(env, db, company.id);
  if (!secret || !(await verifyCalcomSignature(rawBody, secret, signature))) {
    await log("rejected", 401, { signatureValid: false, errorMessage: "Invalid X-Cal-Signature-256" });
    return { status: 401, outcome: "bad_signature", appointmentId: null };
  }
  if (!parsed.success) {
    // Other triggers (meetings, forms, payments) are not part of the sync.
    await log("ignored", 200, { signatureValid: true });
    return { status: 200, outcome: "ignored", appointmentId: null };
  }
  const eventId = `${parsed.data.triggerEvent}:${parsed.data.payload.uid}:${await sha256Hex(rawBody)}`;
  const claimed = await db
    .insert(processedWebhooks)
    .values({ source: "calcom", eventId, companyId: company.id, eventType })
    .onConflictDoNothing()
    .returning({ id: processedWebhooks.id });
  if (claimed.length === 0) {
    await log("duplicate", 200, { signatureValid: true });
    return { status: 200, outcome: "duplicate", appointmentId: null };
  }
  try {
    const applied = await applyCalcomBooking(
      new TenantScope(db, company.id),
      env,
      parsed.data,
      company.country,
    );
    await Promise.all([
      log("processed", 200, { signatureValid: true, processedAt: new Date() }),
      db
        .update(processedWebhooks)
        .set({ processedAt: new Date(), resultStatus: 200, resultBody: applied.outcome })
        .where(eq(processedWebhooks.id, claimed[0]!.id)),
    ]);
    return { status: 200, outcome: applied.outcome, appointmentId: applied.appointmentId };
  } catch (error) {
    // Let a replay of the same delivery try again; the drift job repairs it otherwise.
    await db.delete(processedWebhooks).where(eq(processedWebhooks.id, claimed[0]!.id));
    await log("failed", 500, { signatureValid: true, errorMessage: String(error).slice(0, 500) });
    throw error;
  }
}
