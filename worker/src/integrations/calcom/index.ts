/** Cal.com API v2 integration: client, errors, webhook verification and payload schemas. */
export { CALCOM_API_VERSION_HEADER, CALCOM_API_VERSIONS } from "./api-versions";
export type { CalcomBookingPage } from "./bookings";
export { CalcomClient } from "./client";
export {
  CALCOM_CLIENT_ERROR_CODES,
  CALCOM_SLOT_UNAVAILABLE_MESSAGES,
  CalcomError,
  isSlotUnavailableError,
} from "./errors";
export type { CalcomResponse } from "./response-parsing";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";
export * from "./schemas/booking";
export { type CalcomMetadata, PLATFORM_APPOINTMENT_ID_KEY } from "./schemas/common";
export type { CalcomOffsetPagination } from "./schemas/envelope";
export * from "./schemas/event-type";
export * from "./schemas/slots";
export * from "./schemas/webhook-subscription";
export {
  CALCOM_DEFAULT_BASE_URL,
  CALCOM_DEFAULT_TIMEOUT_MS,
  type CalcomClientOptions,
  type CallOptions,
  type FetchLike,
} from "./transport";
export {
  CALCOM_BOOKING_WEBHOOK_TRIGGERS,
  type CalcomBookingWebhook,
  type CalcomBookingWebhookTrigger,
  calcomBookingWebhookSchema,
} from "./webhook-event";
export { CALCOM_SIGNATURE_HEADER, verifyCalcomSignature } from "./webhook-signature";
export type { CalcomWebhookScope } from "./webhooks";
