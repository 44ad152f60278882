// Value lists of every enum column. The schema turns each into a CHECK constraint; the API reuses them for zod.
// Values must match /^[a-z0-9_]+$/ (checkIn refuses anything else).

export const TENANT_STATUSES = ["trial", "active", "suspended", "cancelled"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

// Stripe's subscription states, kept verbatim so webhook values can be stored without mapping.
export const SUBSCRIPTION_STATUSES = [
  "trialing",
  "active",
  "past_due",
  "canceled",
  "unpaid",
  "incomplete",
  "incomplete_expired",
  "paused",
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const DRIFT_STRATEGIES = ["platform_wins", "calcom_wins"] as const;
export type DriftStrategy = (typeof DRIFT_STRATEGIES)[number];

export const DRIFT_RESOLUTIONS = ["platform_wins", "calcom_wins", "manual"] as const;
export type DriftResolution = (typeof DRIFT_RESOLUTIONS)[number];

/** Names of the roles seeded as system roles (roles.name is free text so companies can add their own). */
export const SYSTEM_ROLES = ["super_admin", "admin", "manager", "staff", "receptionist"] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

export const RESOURCE_TYPES = ["room", "chair", "equipment"] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const SKILL_LEVELS = ["junior", "regular", "senior", "expert"] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const TIME_OFF_TYPES = ["vacation", "sick", "training", "personal", "other"] as const;
export type TimeOffType = (typeof TIME_OFF_TYPES)[number];

export const JOURNEY_STATUSES = [
  "lead",
  "prospect",
  "customer",
  "regular",
  "vip",
  "at_risk",
  "churned",
] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

export const LOYALTY_TIERS = ["bronze", "silver", "gold", "platinum"] as const;
export type LoyaltyTier = (typeof LOYALTY_TIERS)[number];

export const CUSTOMER_SOURCES = [
  "phone",
  "voice_ai",
  "web",
  "walk_in",
  "import",
  "api",
  "calcom",
  "admin",
] as const;
export type CustomerSource = (typeof CUSTOMER_SOURCES)[number];

export const CUSTOMER_NOTE_TYPES = ["general", "complaint", "feedback", "medical"] as const;
export type CustomerNoteType = (typeof CUSTOMER_NOTE_TYPES)[number];

export const NOTE_VISIBILITIES = ["staff", "management", "all"] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

export const APPOINTMENT_STATUSES = [
  "pending",
  "confirmed",
  "in_progress",
  "completed",
  "cancelled",
  "no_show",
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_SOURCES = ["voice_ai", "phone", "api", "admin", "calcom", "web", "walk_in"] as const;
export type AppointmentSource = (typeof APPOINTMENT_SOURCES)[number];

export const BOOKING_TYPES = ["simple", "composite", "recurring"] as const;
export type BookingType = (typeof BOOKING_TYPES)[number];

export const RECURRENCE_FREQUENCIES = ["daily", "weekly", "monthly"] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

export const RECURRING_PATTERN_STATUSES = ["active", "paused", "completed", "cancelled"] as const;
export type RecurringPatternStatus = (typeof RECURRING_PATTERN_STATUSES)[number];

export const MODIFICATION_TYPES = ["reschedule", "cancellation"] as const;
export type ModificationType = (typeof MODIFICATION_TYPES)[number];

/** Who performed a change (appointment modifications). */
export const ACTOR_TYPES = ["customer", "user", "staff", "voice_ai", "calcom", "api", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const VIOLATION_ACTIONS = ["warn", "block", "charge_fee"] as const;
export type ViolationAction = (typeof VIOLATION_ACTIONS)[number];

export const CALLBACK_STATUSES = [
  "pending",
  "assigned",
  "contacted",
  "completed",
  "expired",
  "cancelled",
] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const CALLBACK_PRIORITIES = ["normal", "high", "urgent"] as const;
export type CallbackPriority = (typeof CALLBACK_PRIORITIES)[number];

export const ESCALATION_REASONS = [
  "sla_breach",
  "max_attempts_reached",
  "customer_complaint",
  "manual",
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const CALL_TYPES = ["phone_call", "web_call"] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const CALL_DIRECTIONS = ["inbound", "outbound"] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** Retell's call_status values. */
export const CALL_STATUSES = ["registered", "not_connected", "ongoing", "ended", "error"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Retell's user_sentiment, lower-cased. */
export const CALL_SENTIMENTS = ["positive", "neutral", "negative", "unknown"] as const;
export type CallSentiment = (typeof CALL_SENTIMENTS)[number];

export const INVOICE_STATUSES = ["draft", "sent", "paid", "overdue", "cancelled"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_PAYMENT_METHODS = ["stripe", "bank_transfer", "cash", "card", "manual"] as const;
export type InvoicePaymentMethod = (typeof INVOICE_PAYMENT_METHODS)[number];

export const TOPUP_PAYMENT_METHODS = ["stripe", "bank_transfer", "manual"] as const;
export type TopupPaymentMethod = (typeof TOPUP_PAYMENT_METHODS)[number];

export const TOPUP_STATUSES = ["pending", "completed", "failed"] as const;
export type TopupStatus = (typeof TOPUP_STATUSES)[number];

export const BONUS_TYPES = ["percentage", "fixed"] as const;
export type BonusType = (typeof BONUS_TYPES)[number];

export const TRANSACTION_TYPES = [
  "topup",
  "bonus",
  "call_cost",
  "usage_cost",
  "invoice_payment",
  "refund",
  "adjustment",
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const TRANSACTION_REFERENCE_TYPES = [
  "balance_topup",
  "invoice",
  "call",
  "platform_cost",
  "transaction",
] as const;
export type TransactionReferenceType = (typeof TRANSACTION_REFERENCE_TYPES)[number];

export const PLATFORM_COST_SERVICE_TYPES = [
  "retell",
  "calcom",
  "sms",
  "whatsapp",
  "translation",
  "other",
] as const;
export type PlatformCostServiceType = (typeof PLATFORM_COST_SERVICE_TYPES)[number];

export const BILLING_INTERVALS = ["monthly", "yearly"] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

export const NOTIFICATION_CHANNELS = ["email", "sms", "telegram", "whatsapp"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_STATUSES = ["pending", "processing", "sent", "failed", "cancelled"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_EVENT_TYPES = [
  "appointment_confirmed",
  "appointment_rescheduled",
  "appointment_cancelled",
  "reminder_24h",
  "reminder_2h",
  "appointment_no_show",
  "callback_requested",
  "invoice_sent",
  "payment_received",
  "balance_low",
  "welcome",
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

export const NOTIFICATION_PROVIDER_KINDS = [
  "twilio",
  "smtp",
  "resend",
  "telegram",
  "whatsapp_cloud",
  "log",
] as const;
export type NotificationProviderKind = (typeof NOTIFICATION_PROVIDER_KINDS)[number];

/** Levels of the configuration hierarchy (Staff → Service → Branch → Company). */
export const CONFIGURABLE_TYPES = ["company", "branch", "service", "staff"] as const;
export type ConfigurableType = (typeof CONFIGURABLE_TYPES)[number];

export const POLICY_TYPES = ["cancellation", "reschedule", "recurring"] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

export const INTEGRATION_TYPES = [
  "calcom",
  "retell",
  "stripe",
  "twilio",
  "google_calendar",
  "telegram",
  "smtp",
] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];

export const INTEGRATION_HEALTH = ["unknown", "ok", "degraded", "error"] as const;
export type IntegrationHealth = (typeof INTEGRATION_HEALTH)[number];

export const SYNC_STATUSES = ["synced", "drift", "resolved", "manual_review"] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** Which side created the linked booking first. */
/** A mapped Cal.com event type: in line with its service, different, or different in a way the admin ignores. */
export const EVENT_TYPE_DRIFT_STATUSES = ["synced", "drift", "ignored"] as const;
export type EventTypeDriftStatus = (typeof EVENT_TYPE_DRIFT_STATUSES)[number];

export const SYNC_ORIGINS = ["platform", "calcom"] as const;
export type SyncOrigin = (typeof SYNC_ORIGINS)[number];

export const CALCOM_PUSH_STATUSES = ["pending", "pushed", "failed"] as const;
export type CalcomPushStatus = (typeof CALCOM_PUSH_STATUSES)[number];

export const CALCOM_TEAM_ROLES = ["member", "admin", "owner"] as const;
export type CalcomTeamRole = (typeof CALCOM_TEAM_ROLES)[number];

export const WEBHOOK_SOURCES = ["retell", "calcom", "stripe"] as const;
export type WebhookSource = (typeof WEBHOOK_SOURCES)[number];

export const WEBHOOK_LOG_STATUSES = [
  "received",
  "processed",
  "duplicate",
  "ignored",
  "rejected",
  "failed",
] as const;
export type WebhookLogStatus = (typeof WEBHOOK_LOG_STATUSES)[number];

export const DEAD_LETTER_RESOLUTIONS = ["retried", "discarded"] as const;
export type DeadLetterResolution = (typeof DEAD_LETTER_RESOLUTIONS)[number];

/** Who caused an audited change (activity_log.causer_type). */
export const CAUSER_TYPES = ["user", "api_key", "voice_ai", "webhook", "system"] as const;
export type CauserType = (typeof CAUSER_TYPES)[number];
