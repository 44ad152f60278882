import type { bookingOutput } from "./api-output";
import type { FaultKind, FaultRule, RequestLogEntry, WebhookLogEntry } from "./journal";
import type { SeedInput } from "./seed";

export type DoubleBookingOutput = ReturnType<typeof bookingOutput>;

export interface SeedResult {
  users: { id: number; username: string; apiKey: string | null }[];
  teams: { id: number; slug: string }[];
  eventTypes: { id: number; slug: string }[];
  bookings: { id: number; uid: string }[];
  webhooks: { id: string }[];
}

export interface FaultRequest {
  kind: FaultKind;
  count?: number;
  retryAfterSeconds?: number | null;
  method?: string;
  pathPrefix?: string;
}

interface HumanOptions {
  actingUserId?: number;
  force?: boolean;
}

/** Typed access to the double's /_double control API, in-process or over HTTP. */
export class CalcomDoubleControl {
  constructor(
    private readonly fetchFn: (request: Request) => Promise<Response>,
    private readonly baseUrl = "http://calcom.double",
  ) {}

  reset = () => this.call<{ ok: true }>("POST", "/reset");
  seed = (input: SeedInput) => this.call<SeedResult>("POST", "/seed", input);
  setSubscriber = (input: { subscriberUrl: string; secret?: string | null; triggers?: string[] }) =>
    this.call<unknown>("PUT", "/subscriber", input);
  removeSubscriber = () => this.call<{ removed: boolean }>("DELETE", "/subscriber");

  /** "A human booked in Cal.com": same checks as the API, webhooks fire. */
  createBooking = (
    input: {
      eventTypeId: number;
      start: string;
      attendee: { name: string; email?: string; timeZone?: string };
      metadata?: Record<string, string>;
      routing?: { teamMemberIds: number[] };
    } & HumanOptions,
  ) => this.call<DoubleBookingOutput>("POST", "/human/bookings", input);
  rescheduleBooking = (
    uid: string,
    input: { start: string; rescheduledBy?: string; reschedulingReason?: string } & HumanOptions,
  ) => this.call<DoubleBookingOutput>("POST", `/human/bookings/${encodeURIComponent(uid)}/reschedule`, input);
  cancelBooking = (
    uid: string,
    input: { cancellationReason?: string; cancelledBy?: string } & HumanOptions = {},
  ) => this.call<DoubleBookingOutput>("POST", `/human/bookings/${encodeURIComponent(uid)}/cancel`, input);
  confirmBooking = (uid: string, input: HumanOptions = {}) =>
    this.call<DoubleBookingOutput>("POST", `/human/bookings/${encodeURIComponent(uid)}/confirm`, input);
  declineBooking = (uid: string, input: { reason?: string } & HumanOptions = {}) =>
    this.call<DoubleBookingOutput>("POST", `/human/bookings/${encodeURIComponent(uid)}/decline`, input);

  armFault = (fault: FaultRequest) => this.call<FaultRule>("POST", "/faults", fault);
  clearFaults = () => this.call<{ ok: true }>("DELETE", "/faults");
  dropWebhooks = (count = 1) => this.call<{ webhookDrops: number }>("POST", "/webhooks/drop", { count });

  log = () => this.call<{ requests: RequestLogEntry[]; webhooks: WebhookLogEntry[] }>("GET", "/log");
  clearLog = () => this.call<{ ok: true }>("DELETE", "/log");
  bookings = () => this.call<DoubleBookingOutput[]>("GET", "/bookings");
  booking = (uid: string) => this.call<DoubleBookingOutput>("GET", `/bookings/${encodeURIComponent(uid)}`);
  advanceClock = (ms: number) => this.call<{ now: string }>("POST", "/clock", { advanceMs: ms });

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.fetchFn(
      new Request(`${this.baseUrl}/_double${path}`, {
        method,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    if (!response.ok) throw new Error(`calcom-double ${method} ${path} → ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}
