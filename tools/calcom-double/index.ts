/** The Cal.com API v2 double: app factory, control client and demo seed. */
export { type CalcomDouble, type CalcomDoubleOptions, createCalcomDouble } from "./app";
export { BOOKING_MESSAGES } from "./booking-service";
export {
  CalcomDoubleControl,
  type DoubleBookingOutput,
  type FaultRequest,
  type SeedResult,
} from "./control-client";
export { DEMO_API_KEY, demoSeed } from "./demo-seed";
export type { FaultKind, RequestLogEntry, WebhookLogEntry } from "./journal";
export type { SeedInput } from "./seed";
export { calcomSignature } from "./webhook-dispatcher";
