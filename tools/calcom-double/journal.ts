/** What tests and demos can inspect or arm: the request log, webhook log, fault queue and webhook drops. */

export type FaultKind = "http_500" | "http_503" | "http_429" | "timeout" | "network";

export interface FaultRule {
  id: number;
  kind: FaultKind;
  /** How many more matching requests it fails. */
  remaining: number;
  /** For http_429: the Retry-After header to send (none when null, like Cal.com's own throttler). */
  retryAfterSeconds: number | null;
  /** Only requests with this method / a path starting with this prefix (e.g. "/v2/bookings"). */
  method: string | null;
  pathPrefix: string | null;
}

export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  apiVersion: string | null;
  auth: "api_key" | "access_token" | "none";
  userId: number | null;
  body: unknown;
  status: number | null;
  fault: FaultKind | null;
}

export interface WebhookLogEntry {
  seq: number;
  at: string;
  triggerEvent: string;
  subscriptionId: string;
  subscriberUrl: string;
  bookingUid: string;
  /** `dropped`: swallowed by an injected drop, never sent. `failed`: non-2xx or network error (not retried). */
  outcome: "delivered" | "failed" | "dropped";
  responseStatus: number | null;
  error: string | null;
  headers: Record<string, string>;
  body: string;
}

export class Journal {
  requests: RequestLogEntry[] = [];
  webhooks: WebhookLogEntry[] = [];
  faults: FaultRule[] = [];
  webhookDrops = 0;
  private seq = 0;
  private faultSeq = 0;

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  clearLogs(): void {
    this.requests = [];
    this.webhooks = [];
  }

  reset(): void {
    this.clearLogs();
    this.faults = [];
    this.webhookDrops = 0;
  }

  addFault(rule: Omit<FaultRule, "id">): FaultRule {
    this.faultSeq += 1;
    const added = { ...rule, id: this.faultSeq };
    this.faults.push(added);
    return added;
  }

  /** Consumes one use of the first armed fault matching the request, if any. */
  takeFault(method: string, path: string): FaultRule | null {
    const rule = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === null || f.method === method) &&
        (f.pathPrefix === null || path.startsWith(f.pathPrefix)),
    );
    if (rule === undefined) return null;
    rule.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return rule;
  }

  /** Consumes one armed webhook drop. */
  takeWebhookDrop(): boolean {
    if (this.webhookDrops <= 0) return false;
    this.webhookDrops -= 1;
    return true;
  }
}
