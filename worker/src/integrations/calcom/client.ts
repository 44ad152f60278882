import { CalcomBookingsApi } from "./bookings";
import { CalcomEventTypesApi, CalcomTeamEventTypesApi } from "./event-types";
import { CalcomSlotsApi } from "./slots";
import { type CalcomClientOptions, CalcomTransport } from "./transport";
import { CalcomWebhooksApi } from "./webhooks";

/**
 * Cal.com API v2 client for one API key. Keep one instance per key and reuse it: its rate-limit
 * gate only knows about calls made through it.
 */
export class CalcomClient {
  readonly bookings: CalcomBookingsApi;
  readonly slots: CalcomSlotsApi;
  readonly eventTypes: CalcomEventTypesApi;
  readonly teamEventTypes: CalcomTeamEventTypesApi;
  readonly webhooks: CalcomWebhooksApi;

  constructor(options: CalcomClientOptions) {
    const transport = new CalcomTransport(options);
    this.bookings = new CalcomBookingsApi(transport);
    this.slots = new CalcomSlotsApi(transport);
    this.eventTypes = new CalcomEventTypesApi(transport);
    this.teamEventTypes = new CalcomTeamEventTypesApi(transport);
    this.webhooks = new CalcomWebhooksApi(transport);
  }
}
