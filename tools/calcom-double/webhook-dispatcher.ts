import type { Journal } from "./journal";
import type { DoubleBooking, DoubleWebhook } from "./model";
import type { DoubleStore } from "./store";
import { type BookingTrigger, bookingWebhookPayload, type TriggerDetails } from "./webhook-payload";

export type WebhookFetch = (input: string, init: RequestInit) => Promise<Response>;

const encoder = new TextEncoder();

/** Lowercase hex HMAC-SHA256 of the body, no prefix; the marker when there is no secret (calcom.md §5.3). */
export async function calcomSignature(body: string, secret: string | null): Promise<string> {
  if (!secret) return "no-secret-provided";
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(body));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Sends booking webhooks the way Cal.com does: compact `{triggerEvent, createdAt, payload}`,
 * signed, `redirect: "manual"`, and never retried whatever the subscriber answers (§5.6).
 * Deliveries are awaited before the triggering request answers (Cal.com's synchronous mode), so
 * tests see them in order.
 */
export class WebhookDispatcher {
  constructor(
    private readonly store: DoubleStore,
    private readonly journal: Journal,
    private readonly deps: { fetch: WebhookFetch; now: () => number; timeoutMs: number },
  ) {}

  async send(trigger: BookingTrigger, booking: DoubleBooking, details: TriggerDetails = {}): Promise<void> {
    const payload = bookingWebhookPayload(this.store, booking, trigger, details);
    for (const webhook of this.subscribersFor(trigger, booking)) {
      const body = JSON.stringify({
        triggerEvent: trigger,
        createdAt: new Date(this.deps.now()).toISOString(),
        payload,
      });
      await this.deliver(webhook, trigger, booking.uid, body);
    }
  }

  private subscribersFor(trigger: BookingTrigger, booking: DoubleBooking): DoubleWebhook[] {
    const eventType = this.store.eventTypes.get(booking.eventTypeId);
    return [...this.store.webhooks.values()].filter((webhook) => {
      if (!webhook.active || !webhook.triggers.includes(trigger)) return false;
      if (webhook.scope === "global") return true;
      if (webhook.scope === "eventType") return webhook.eventTypeId === booking.eventTypeId;
      // User-level webhooks do not fire for team event types (calcom.md §4.4).
      return eventType?.teamId === null && eventType.ownerId === webhook.userId;
    });
  }

  private async deliver(webhook: DoubleWebhook, trigger: BookingTrigger, bookingUid: string, body: string) {
    const headers = {
      "Content-Type": "application/json",
      "X-Cal-Signature-256": await calcomSignature(body, webhook.secret),
      "X-Cal-Webhook-Version": "2021-10-20",
    };
    const entry = {
      seq: this.journal.nextSeq(),
      at: new Date(this.deps.now()).toISOString(),
      triggerEvent: trigger,
      subscriptionId: webhook.id,
      subscriberUrl: webhook.subscriberUrl,
      bookingUid,
      headers,
      body,
    };
    if (this.journal.takeWebhookDrop()) {
      this.journal.webhooks.push({ ...entry, outcome: "dropped", responseStatus: null, error: null });
      return;
    }
    try {
      const response = await withTimeout(
        this.deps.fetch(webhook.subscriberUrl, { method: "POST", headers, body, redirect: "manual" }),
        this.deps.timeoutMs,
      );
      // The body is drained so the connection can be reused; its content is not used.
      await response.arrayBuffer().catch(() => undefined);
      this.journal.webhooks.push({
        ...entry,
        outcome: response.ok ? "delivered" : "failed",
        responseStatus: response.status,
        error: null,
      });
    } catch (error) {
      this.journal.webhooks.push({
        ...entry,
        outcome: "failed",
        responseStatus: null,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

/** Cal.com sets no webhook timeout (calcom.md §5.2 [U]); the double has one so a stuck subscriber cannot hang it. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`webhook delivery timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
