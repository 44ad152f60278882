import { Hono } from "hono";
import { BookingService } from "./booking-service";
import type { DoubleDeps, DoubleEnv } from "./context";
import { CalHttpError, errorBody, INTERNAL_ERROR } from "./http-errors";
import { Journal } from "./journal";
import { injectFaults, NETWORK_FAULT_HEADER, requestLog, throttle } from "./middleware";
import { bookingRoutes } from "./routes/bookings";
import { controlRoutes, DEFAULT_SUBSCRIBER_ID } from "./routes/control";
import { eventTypeRoutes } from "./routes/event-types";
import { slotRoutes } from "./routes/slots";
import { teamEventTypeRoutes } from "./routes/team-event-types";
import { webhookRoutes } from "./routes/webhooks";
import { ALL_BOOKING_TRIGGERS, applySeed, type SeedInput, seedSchema } from "./seed";
import { DoubleStore } from "./store";
import { Throttler } from "./throttler";
import { WebhookDispatcher, type WebhookFetch } from "./webhook-dispatcher";

export interface CalcomDoubleOptions {
  /** Clock in epoch ms (bookings in the past, minimum notice, rate-limit windows, timestamps). */
  now?: () => number;
  /** How webhooks are delivered; defaults to the global fetch. Tests pass a recorder. */
  fetch?: WebhookFetch;
  /** Booking uid generator; defaults to random 22-character ids like Cal.com's short uuids. */
  newUid?: () => string;
  /** Cal.com's defaults: 120 hits per 60 s per API key, then blocked for 60 s. */
  rateLimit?: { limit?: number; windowMs?: number; blockMs?: number };
  /** A subscriber that receives every booking webhook (besides ones created through /v2/webhooks). */
  webhook?: { subscriberUrl: string; secret?: string | null; triggers?: string[] };
  webhookTimeoutMs?: number;
  /** Longest a "timeout" fault hangs when the client never aborts. */
  hangCapMs?: number;
  /** Records applied at start and after every reset. */
  seed?: SeedInput;
}

export interface CalcomDouble {
  app: Hono<DoubleEnv>;
  /**
   * The app as a fetch function. A "network" fault becomes a rejected promise (TypeError), as a
   * dropped connection does for a real fetch; use this rather than `app.fetch` in-process.
   */
  fetch: (request: Request) => Promise<Response>;
}

/** An in-memory Cal.com API v2 double: a Hono app plus the control API under /_double. */
export function createCalcomDouble(options: CalcomDoubleOptions = {}): CalcomDouble {
  const baseNow = options.now ?? Date.now;
  let clockOffset = 0;
  const now = () => baseNow() + clockOffset;
  const newUid = options.newUid ?? randomUid;
  const store = new DoubleStore();
  const journal = new Journal();
  const throttler = new Throttler(
    {
      limit: options.rateLimit?.limit ?? 120,
      windowMs: options.rateLimit?.windowMs ?? 60_000,
      blockMs: options.rateLimit?.blockMs ?? 60_000,
    },
    now,
  );
  const dispatcher = new WebhookDispatcher(store, journal, {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
  });
  const deps: DoubleDeps = {
    store,
    journal,
    throttler,
    now,
    bookings: new BookingService(store, dispatcher, now, newUid),
    hangCapMs: options.hangCapMs ?? 300_000,
  };

  const configure = () => {
    if (options.seed !== undefined) applySeed(store, seedSchema.parse(options.seed), { now, newUid });
    if (options.webhook !== undefined) {
      store.webhooks.set(DEFAULT_SUBSCRIBER_ID, {
        id: DEFAULT_SUBSCRIBER_ID,
        scope: "global",
        userId: null,
        eventTypeId: null,
        subscriberUrl: options.webhook.subscriberUrl,
        active: true,
        triggers: options.webhook.triggers ?? ALL_BOOKING_TRIGGERS,
        secret: options.webhook.secret ?? null,
        payloadTemplate: null,
      });
    }
  };
  const reset = () => {
    store.reset();
    journal.reset();
    throttler.reset();
    clockOffset = 0;
    configure();
  };
  configure();

  const app = new Hono<DoubleEnv>();
  app.route("/_double", controlRoutes(deps, { reset, advanceClock: (ms) => (clockOffset += ms) }, newUid));

  app.use("/v2/*", requestLog(deps), injectFaults(deps), throttle(deps));
  app.route("/v2/bookings", bookingRoutes(deps));
  app.route("/v2/slots", slotRoutes(deps));
  // Before /v2/event-types: this path belongs to the webhooks controller (any version).
  app.route("/v2/event-types/:eventTypeId/webhooks", webhookRoutes(deps, "eventType"));
  app.route("/v2/event-types", eventTypeRoutes(deps));
  app.route("/v2/teams", teamEventTypeRoutes(deps));
  app.route("/v2/webhooks", webhookRoutes(deps, "user"));

  app.notFound((c) =>
    c.json(
      errorBody(
        "NotFoundException",
        `Cannot ${c.req.method} ${new URL(c.req.url).pathname}`,
        new URL(c.req.url).pathname,
        now(),
      ),
      404,
    ),
  );
  app.onError((error, c) => {
    const path = new URL(c.req.url).pathname;
    if (error instanceof CalHttpError) {
      return new Response(JSON.stringify(errorBody(error.code, error.message, path, now())), {
        status: error.status,
        headers: { "Content-Type": "application/json", ...error.headers },
      });
    }
    console.error("calcom-double: unexpected error", error);
    return c.json(errorBody(INTERNAL_ERROR.code, INTERNAL_ERROR.message, path, now()), 500);
  });

  return {
    app,
    fetch: async (request) => {
      const response = await app.fetch(request);
      if (response.headers.get(NETWORK_FAULT_HEADER) === "network")
        throw new TypeError("Network connection lost.");
      return response;
    },
  };
}

const UID_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A 22-character id, the length of Cal.com's short-uuid booking uids. */
function randomUid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  return Array.from(bytes, (b) => UID_ALPHABET[b % UID_ALPHABET.length]).join("");
}
