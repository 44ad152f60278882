import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { userLink } from "./access";
import { appointments } from "./appointments";
import {
  checkIn,
  checkNonNegative,
  counter,
  createdAt,
  flag,
  instant,
  type JsonObject,
  json,
  updatedAt,
} from "./columns";
import {
  CALCOM_PUSH_STATUSES,
  CALCOM_TEAM_ROLES,
  DEAD_LETTER_RESOLUTIONS,
  DRIFT_RESOLUTIONS,
  EVENT_TYPE_DRIFT_STATUSES,
  INTEGRATION_HEALTH,
  INTEGRATION_TYPES,
  SYNC_ORIGINS,
  SYNC_STATUSES,
  WEBHOOK_LOG_STATUSES,
  WEBHOOK_SOURCES,
} from "./enums";
import { serviceRef, staffLink } from "./staff";
import { companies, companyRef } from "./tenancy";

/** One field on which the platform and Cal.com disagree. */
export type DriftDetail = {
  field: "time" | "status" | "attendee" | "event_type" | "title" | "length" | "hidden" | "deleted";
  platform: unknown;
  calcom: unknown;
};

// A company's connection to an external service: encrypted credentials plus the health the dashboard shows.
export const integrations = sqliteTable(
  "integrations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    type: text("type", { enum: INTEGRATION_TYPES }).notNull(),
    name: text("name").notNull(),
    // Encrypted at rest.
    credentialsEnc: text("credentials_enc"),
    config: json<JsonObject>("config"),
    isActive: flag("is_active", true),
    healthStatus: text("health_status", { enum: INTEGRATION_HEALTH }).notNull().default("unknown"),
    lastHealthCheckAt: instant("last_health_check_at"),
    lastSyncedAt: instant("last_synced_at"),
    lastErrorAt: instant("last_error_at"),
    lastError: text("last_error"),
    errorCount: counter("error_count"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("integrations_company_type_name_uq").on(t.companyId, t.type, t.name),
    checkIn("integrations_type_check", t.type, INTEGRATION_TYPES),
    checkIn("integrations_health_status_check", t.healthStatus, INTEGRATION_HEALTH),
    checkNonNegative("integrations_error_count_check", t.errorCount),
  ],
);

// Link between an appointment and its Cal.com booking, with push state and drift detection/resolution.
export const calcomEventMaps = sqliteTable(
  "calcom_event_maps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    // Null for a Cal.com booking the platform does not hold (refused as a collision, or not yet imported).
    appointmentId: integer("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
    // Null until the push to Cal.com succeeded; a reschedule on Cal.com replaces it with the new uid.
    calcomBookingUid: text("calcom_booking_uid"),
    calcomBookingId: integer("calcom_booking_id"),
    calcomEventTypeId: integer("calcom_event_type_id"),
    origin: text("origin", { enum: SYNC_ORIGINS }).notNull(),
    pushStatus: text("push_status", { enum: CALCOM_PUSH_STATUSES }).notNull().default("pending"),
    driftStatus: text("drift_status", { enum: SYNC_STATUSES }).notNull().default("synced"),
    driftDetectedAt: instant("drift_detected_at"),
    driftDetails: json<DriftDetail[]>("drift_details"),
    resolution: text("resolution", { enum: DRIFT_RESOLUTIONS }),
    resolvedAt: instant("resolved_at"),
    resolvedByUserId: userLink("resolved_by_user_id"),
    // Cal.com's iCalSequence of the last applied webhook: older deliveries arriving late are ignored.
    calcomSequence: integer("calcom_sequence"),
    syncAttempts: counter("sync_attempts"),
    lastSyncedAt: instant("last_synced_at"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("calcom_event_maps_appointment_uq").on(t.appointmentId),
    uniqueIndex("calcom_event_maps_booking_uid_uq").on(t.calcomBookingUid),
    index("calcom_event_maps_company_drift_idx").on(t.companyId, t.driftStatus),
    index("calcom_event_maps_push_status_idx").on(t.pushStatus, t.updatedAt),
    checkIn("calcom_event_maps_origin_check", t.origin, SYNC_ORIGINS),
    checkIn("calcom_event_maps_push_status_check", t.pushStatus, CALCOM_PUSH_STATUSES),
    checkIn("calcom_event_maps_drift_status_check", t.driftStatus, SYNC_STATUSES),
    checkIn("calcom_event_maps_resolution_check", t.resolution, DRIFT_RESOLUTIONS),
    checkNonNegative("calcom_event_maps_attempts_check", t.syncAttempts),
  ],
);

// Which Cal.com team member is which staff member, so bookings on Cal.com land on the right calendar.
export const calcomTeamMembers = sqliteTable(
  "calcom_team_members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    calcomTeamId: integer("calcom_team_id").notNull(),
    calcomUserId: integer("calcom_user_id").notNull(),
    staffId: staffLink(),
    email: text("email"),
    name: text("name"),
    role: text("role", { enum: CALCOM_TEAM_ROLES }).notNull().default("member"),
    isActive: flag("is_active", true),
    lastSyncedAt: instant("last_synced_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("calcom_team_members_team_user_uq").on(t.companyId, t.calcomTeamId, t.calcomUserId),
    index("calcom_team_members_staff_idx").on(t.staffId),
    checkIn("calcom_team_members_role_check", t.role, CALCOM_TEAM_ROLES),
  ],
);

// Which Cal.com team event type books which service.
export const teamEventTypeMappings = sqliteTable(
  "team_event_type_mappings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    calcomTeamId: integer("calcom_team_id").notNull(),
    calcomEventTypeId: integer("calcom_event_type_id").notNull(),
    calcomEventTypeSlug: text("calcom_event_type_slug"),
    serviceId: serviceRef(),
    isActive: flag("is_active", true),
    lastSyncedAt: instant("last_synced_at"),
    // Event-type drift: the Cal.com type was deleted, hidden, renamed or has another length.
    driftStatus: text("drift_status", { enum: EVENT_TYPE_DRIFT_STATUSES }).notNull().default("synced"),
    driftDetails: json<DriftDetail[]>("drift_details"),
    driftDetectedAt: instant("drift_detected_at"),
    // The differences an admin chose to ignore; the same differences are not reported again.
    ignoredDriftFingerprint: text("ignored_drift_fingerprint"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("team_event_type_mappings_event_type_uq").on(t.companyId, t.calcomEventTypeId),
    index("team_event_type_mappings_service_idx").on(t.serviceId),
    checkIn("team_event_type_mappings_drift_status_check", t.driftStatus, EVENT_TYPE_DRIFT_STATUSES),
  ],
);

// Audit trail of every inbound webhook (accepted or not), for support and replay analysis.
export const webhookLogs = sqliteTable(
  "webhook_logs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Null when the request could not be attributed to a company (bad signature, unknown agent).
    companyId: integer("company_id").references(() => companies.id, { onDelete: "cascade" }),
    source: text("source", { enum: WEBHOOK_SOURCES }).notNull(),
    eventType: text("event_type"),
    eventId: text("event_id"),
    payload: json<unknown>("payload"),
    signatureValid: integer("signature_valid", { mode: "boolean" }),
    status: text("status", { enum: WEBHOOK_LOG_STATUSES }).notNull().default("received"),
    responseStatus: integer("response_status"),
    processedAt: instant("processed_at"),
    errorMessage: text("error_message"),
    retryCount: counter("retry_count"),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_logs_company_created_idx").on(t.companyId, t.createdAt),
    index("webhook_logs_source_event_idx").on(t.source, t.eventType, t.createdAt),
    index("webhook_logs_event_id_idx").on(t.source, t.eventId),
    checkIn("webhook_logs_source_check", t.source, WEBHOOK_SOURCES),
    checkIn("webhook_logs_status_check", t.status, WEBHOOK_LOG_STATUSES),
    checkNonNegative("webhook_logs_retry_check", t.retryCount),
  ],
);

// Replay and redelivery guard: an event id is processed once per source, a repeat gets the stored result.
export const processedWebhooks = sqliteTable(
  "processed_webhooks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    source: text("source", { enum: WEBHOOK_SOURCES }).notNull(),
    // Stripe event id, Retell event + call id, Cal.com triggerEvent + uid + sequence.
    eventId: text("event_id").notNull(),
    companyId: integer("company_id").references(() => companies.id, { onDelete: "cascade" }),
    eventType: text("event_type"),
    payloadHash: text("payload_hash"),
    resultStatus: integer("result_status"),
    resultBody: text("result_body"),
    processedAt: instant("processed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("processed_webhooks_source_event_uq").on(t.source, t.eventId),
    index("processed_webhooks_company_created_idx").on(t.companyId, t.createdAt),
    index("processed_webhooks_created_idx").on(t.createdAt),
    checkIn("processed_webhooks_source_check", t.source, WEBHOOK_SOURCES),
  ],
);

// Registry of the webhook events the platform understands and whether each is handled.
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    source: text("source", { enum: WEBHOOK_SOURCES }).notNull(),
    eventType: text("event_type").notNull(),
    description: text("description"),
    isEnabled: flag("is_enabled", true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("webhook_events_source_type_uq").on(t.source, t.eventType),
    checkIn("webhook_events_source_check", t.source, WEBHOOK_SOURCES),
  ],
);

// Queue messages that exhausted their retries, kept visible in the admin until retried or discarded.
export const deadLetters = sqliteTable(
  "dead_letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id").references(() => companies.id, { onDelete: "cascade" }),
    queue: text("queue").notNull(),
    // The original queue message id: a redelivered dead letter is stored once.
    messageId: text("message_id"),
    body: json<unknown>("body").notNull(),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    resolution: text("resolution", { enum: DEAD_LETTER_RESOLUTIONS }),
    resolvedByUserId: userLink("resolved_by_user_id"),
    createdAt: createdAt(),
    resolvedAt: instant("resolved_at"),
  },
  (t) => [
    uniqueIndex("dead_letters_queue_message_uq").on(t.queue, t.messageId),
    index("dead_letters_company_created_idx").on(t.companyId, t.createdAt),
    index("dead_letters_unresolved_idx").on(t.resolvedAt, t.createdAt),
    checkIn("dead_letters_resolution_check", t.resolution, DEAD_LETTER_RESOLUTIONS),
    checkNonNegative("dead_letters_attempts_check", t.attempts),
  ],
);

export type Integration = typeof integrations.$inferSelect;
export type NewIntegration = typeof integrations.$inferInsert;
export type CalcomEventMap = typeof calcomEventMaps.$inferSelect;
export type NewCalcomEventMap = typeof calcomEventMaps.$inferInsert;
export type CalcomTeamMember = typeof calcomTeamMembers.$inferSelect;
export type NewCalcomTeamMember = typeof calcomTeamMembers.$inferInsert;
export type TeamEventTypeMapping = typeof teamEventTypeMappings.$inferSelect;
export type NewTeamEventTypeMapping = typeof teamEventTypeMappings.$inferInsert;
export type WebhookLog = typeof webhookLogs.$inferSelect;
export type NewWebhookLog = typeof webhookLogs.$inferInsert;
export type ProcessedWebhook = typeof processedWebhooks.$inferSelect;
export type NewProcessedWebhook = typeof processedWebhooks.$inferInsert;
export type WebhookEvent = typeof webhookEvents.$inferSelect;
export type NewWebhookEvent = typeof webhookEvents.$inferInsert;
export type DeadLetter = typeof deadLetters.$inferSelect;
export type NewDeadLetter = typeof deadLetters.$inferInsert;
