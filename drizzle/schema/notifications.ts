import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { appointmentLink } from "./appointments";
import {
  checkIn,
  checkNonNegative,
  counter,
  createdAt,
  flag,
  instant,
  type JsonObject,
  json,
  ref,
  updatedAt,
} from "./columns";
import { customerLink } from "./customers";
import {
  CONFIGURABLE_TYPES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENT_TYPES,
  NOTIFICATION_PROVIDER_KINDS,
  NOTIFICATION_STATUSES,
} from "./enums";
import { companies, companyRef } from "./tenancy";

// Registry of the events that can trigger a notification, with the defaults every company starts from.
export const notificationEventMappings = sqliteTable(
  "notification_event_mappings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventType: text("event_type", { enum: NOTIFICATION_EVENT_TYPES }).notNull(),
    displayName: text("display_name").notNull(),
    description: text("description"),
    defaultChannel: text("default_channel", { enum: NOTIFICATION_CHANNELS }).notNull().default("email"),
    requiresCustomer: flag("requires_customer", true),
    canBeDisabled: flag("can_be_disabled", true),
    isActive: flag("is_active", true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("notification_event_mappings_event_type_uq").on(t.eventType),
    checkIn("notification_event_mappings_event_type_check", t.eventType, NOTIFICATION_EVENT_TYPES),
    checkIn("notification_event_mappings_default_channel_check", t.defaultChannel, NOTIFICATION_CHANNELS),
  ],
);

// A company's message texts per event, channel and language, with {{placeholders}}.
export const notificationTemplates = sqliteTable(
  "notification_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    name: text("name").notNull(),
    description: text("description"),
    eventType: text("event_type", { enum: NOTIFICATION_EVENT_TYPES }),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    // Email only.
    subject: text("subject"),
    body: text("body").notNull(),
    language: text("language").notNull().default("de"),
    // Placeholder names the body may use, e.g. ["customer_name", "appointment_date"].
    variables: json<string[]>("variables"),
    isActive: flag("is_active", true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("notification_templates_company_name_uq").on(t.companyId, t.name, t.channel, t.language),
    index("notification_templates_company_event_idx").on(t.companyId, t.eventType, t.channel, t.language),
    checkIn("notification_templates_event_type_check", t.eventType, NOTIFICATION_EVENT_TYPES),
    checkIn("notification_templates_channel_check", t.channel, NOTIFICATION_CHANNELS),
  ],
);

// Per-level notification settings (Staff → Service → Branch → Company); staff may only change channel and template.
export const notificationConfigurations = sqliteTable(
  "notification_configurations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    configurableType: text("configurable_type", { enum: CONFIGURABLE_TYPES }).notNull(),
    configurableId: integer("configurable_id").notNull(),
    eventType: text("event_type", { enum: NOTIFICATION_EVENT_TYPES }).notNull(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    fallbackChannel: text("fallback_channel", { enum: NOTIFICATION_CHANNELS }),
    isEnabled: flag("is_enabled", true),
    retryCount: integer("retry_count").notNull().default(3),
    retryDelayMinutes: integer("retry_delay_minutes").notNull().default(5),
    templateOverrideId: integer("template_override_id").references(() => notificationTemplates.id, {
      onDelete: "set null",
    }),
    metadata: json<JsonObject>("metadata"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("notification_configurations_target_uq").on(
      t.companyId,
      t.configurableType,
      t.configurableId,
      t.eventType,
      t.channel,
    ),
    checkIn("notification_configurations_configurable_type_check", t.configurableType, CONFIGURABLE_TYPES),
    checkIn("notification_configurations_event_type_check", t.eventType, NOTIFICATION_EVENT_TYPES),
    checkIn("notification_configurations_channel_check", t.channel, NOTIFICATION_CHANNELS),
    checkIn("notification_configurations_fallback_channel_check", t.fallbackChannel, NOTIFICATION_CHANNELS),
    check(
      "notification_configurations_fallback_check",
      sql`${ref(t.fallbackChannel)} is null or ${ref(t.fallbackChannel)} <> ${ref(t.channel)}`,
    ),
    check("notification_configurations_configurable_id_check", sql`${ref(t.configurableId)} > 0`),
    checkNonNegative("notification_configurations_retry_check", t.retryCount, t.retryDelayMinutes),
  ],
);

// Delivery channels (Twilio, SMTP, Telegram…); a null company marks the platform's default for that channel.
export const notificationProviders = sqliteTable(
  "notification_providers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id").references(() => companies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    provider: text("provider", { enum: NOTIFICATION_PROVIDER_KINDS }).notNull(),
    // Encrypted at rest.
    credentialsEnc: text("credentials_enc"),
    config: json<JsonObject>("config"),
    isActive: flag("is_active", true),
    // Lower tries first; the next one is the fallback.
    priority: integer("priority").notNull().default(0),
    lastErrorAt: instant("last_error_at"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("notification_providers_company_channel_idx").on(t.companyId, t.channel, t.priority),
    checkIn("notification_providers_channel_check", t.channel, NOTIFICATION_CHANNELS),
    checkIn("notification_providers_provider_check", t.provider, NOTIFICATION_PROVIDER_KINDS),
  ],
);

// Outgoing messages with their delivery state: the queue consumer's record of what was sent, retried or failed.
export const notificationQueue = sqliteTable(
  "notification_queue",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    customerId: customerLink(),
    appointmentId: appointmentLink(),
    eventType: text("event_type", { enum: NOTIFICATION_EVENT_TYPES }).notNull(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    // E-mail address, E.164 number or Telegram chat id.
    recipient: text("recipient").notNull(),
    templateId: integer("template_id").references(() => notificationTemplates.id, { onDelete: "set null" }),
    providerId: integer("provider_id").references(() => notificationProviders.id, { onDelete: "set null" }),
    language: text("language").notNull().default("de"),
    data: json<JsonObject>("data"),
    status: text("status", { enum: NOTIFICATION_STATUSES }).notNull().default("pending"),
    // Deduplication across queue redeliveries, e.g. 'reminder_24h:appointment:42'.
    dedupeKey: text("dedupe_key"),
    scheduledFor: instant("scheduled_for"),
    sentAt: instant("sent_at"),
    failedAt: instant("failed_at"),
    retryCount: counter("retry_count"),
    maxRetries: integer("max_retries").notNull().default(3),
    nextAttemptAt: instant("next_attempt_at"),
    errorMessage: text("error_message"),
    providerMessageId: text("provider_message_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("notification_queue_dedupe_uq").on(t.companyId, t.dedupeKey),
    index("notification_queue_status_created_idx").on(t.status, t.createdAt),
    index("notification_queue_company_created_idx").on(t.companyId, t.createdAt),
    index("notification_queue_status_scheduled_idx").on(t.status, t.scheduledFor),
    index("notification_queue_appointment_idx").on(t.appointmentId),
    index("notification_queue_customer_idx").on(t.customerId),
    checkIn("notification_queue_event_type_check", t.eventType, NOTIFICATION_EVENT_TYPES),
    checkIn("notification_queue_channel_check", t.channel, NOTIFICATION_CHANNELS),
    checkIn("notification_queue_status_check", t.status, NOTIFICATION_STATUSES),
    checkNonNegative("notification_queue_retry_check", t.retryCount, t.maxRetries),
  ],
);

export type NotificationEventMapping = typeof notificationEventMappings.$inferSelect;
export type NewNotificationEventMapping = typeof notificationEventMappings.$inferInsert;
export type NotificationTemplate = typeof notificationTemplates.$inferSelect;
export type NewNotificationTemplate = typeof notificationTemplates.$inferInsert;
export type NotificationConfiguration = typeof notificationConfigurations.$inferSelect;
export type NewNotificationConfiguration = typeof notificationConfigurations.$inferInsert;
export type NotificationProvider = typeof notificationProviders.$inferSelect;
export type NewNotificationProvider = typeof notificationProviders.$inferInsert;
export type NotificationQueueEntry = typeof notificationQueue.$inferSelect;
export type NewNotificationQueueEntry = typeof notificationQueue.$inferInsert;
