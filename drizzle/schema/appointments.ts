import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { userLink } from "./access";
import { callLink } from "./calls";
import {
  cents,
  checkCurrency,
  checkE164,
  checkIn,
  checkLocalDate,
  checkLocalTime,
  checkNonNegative,
  counter,
  createdAt,
  currency,
  deletedAt,
  flag,
  instant,
  type JsonObject,
  json,
  ref,
  updatedAt,
} from "./columns";
import { customerLink, customerRef } from "./customers";
import {
  ACTOR_TYPES,
  APPOINTMENT_SOURCES,
  APPOINTMENT_STATUSES,
  BOOKING_TYPES,
  CALLBACK_PRIORITIES,
  CALLBACK_STATUSES,
  ESCALATION_REASONS,
  MODIFICATION_TYPES,
  RECURRENCE_FREQUENCIES,
  RECURRING_PATTERN_STATUSES,
  VIOLATION_ACTIONS,
} from "./enums";
import { policyConfigurations } from "./settings";
import { resources, serviceLink, services, staff, staffLink } from "./staff";
import { branchLink, branchRef, companyRef } from "./tenancy";

/** Summary of a composite booking's segments (the rows live in nested_booking_slots); instants in epoch ms. */
export type AppointmentSegmentSummary = {
  sequence: number;
  key: string;
  serviceId: number | null;
  staffId: number;
  startsAt: number;
  endsAt: number;
};

/** A wish for a callback time: local date and optional 'HH:MM' window in the branch's zone. */
export type PreferredCallbackTime = { date: string; from?: string; to?: string };

// Rules that generate a series of appointments; occurrences point back here (appointments.recurring_pattern_id).
export const recurringAppointmentPatterns = sqliteTable(
  "recurring_appointment_patterns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    branchId: branchRef(),
    customerId: customerRef(),
    staffId: staffLink(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    frequency: text("frequency", { enum: RECURRENCE_FREQUENCIES }).notNull(),
    interval: integer("interval").notNull().default(1),
    // 0 = Sunday … 6 = Saturday (weekly); day of month 1–31 (monthly).
    daysOfWeek: json<number[]>("days_of_week"),
    dayOfMonth: integer("day_of_month"),
    startTime: text("start_time").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    occurrenceCount: integer("occurrence_count"),
    skippedCount: counter("skipped_count"),
    status: text("status", { enum: RECURRING_PATTERN_STATUSES }).notNull().default("active"),
    createdByUserId: userLink("created_by_user_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("recurring_patterns_company_customer_idx").on(t.companyId, t.customerId),
    index("recurring_patterns_staff_idx").on(t.staffId),
    checkIn("recurring_patterns_frequency_check", t.frequency, RECURRENCE_FREQUENCIES),
    checkIn("recurring_patterns_status_check", t.status, RECURRING_PATTERN_STATUSES),
    check("recurring_patterns_interval_check", sql`${ref(t.interval)} >= 1`),
    check("recurring_patterns_day_of_month_check", sql`${ref(t.dayOfMonth)} between 1 and 31`),
    checkLocalTime("recurring_patterns_start_time_check", t.startTime),
    checkLocalDate("recurring_patterns_start_date_check", t.startDate),
    checkLocalDate("recurring_patterns_end_date_check", t.endDate),
    check(
      "recurring_patterns_end_check",
      sql`${ref(t.endDate)} is null or ${ref(t.endDate)} >= ${ref(t.startDate)}`,
    ),
    check(
      "recurring_patterns_bounded_check",
      sql`${ref(t.endDate)} is not null or ${ref(t.occurrenceCount)} >= 1`,
    ),
    checkNonNegative("recurring_patterns_skipped_check", t.skippedCount),
  ],
);

// The booking itself; blocked_from/blocked_until (with buffers) is the span written to calendar_occupancy.
export const appointments = sqliteTable(
  "appointments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Public, unguessable reference chosen before the insert, so rows written in the same batch
    // (occupancy granules, segments) can point at the appointment before its id is known.
    uid: text("uid"),
    companyId: companyRef(),
    branchId: branchRef(),
    customerId: customerRef(),
    staffId: integer("staff_id")
      .notNull()
      .references(() => staff.id),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    // The room or chair the service needs, and which unit of its capacity (calendar 'resource:{id}:{unit}').
    resourceId: integer("resource_id").references(() => resources.id, { onDelete: "set null" }),
    resourceUnit: integer("resource_unit"),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    blockedFrom: instant("blocked_from").notNull(),
    blockedUntil: instant("blocked_until").notNull(),
    status: text("status", { enum: APPOINTMENT_STATUSES }).notNull().default("confirmed"),
    // A pending hold lapses at this instant unless confirmed (company.hold_ttl_seconds).
    holdExpiresAt: instant("hold_expires_at"),
    source: text("source", { enum: APPOINTMENT_SOURCES }).notNull(),
    bookingType: text("booking_type", { enum: BOOKING_TYPES }).notNull().default("simple"),
    priceCents: cents("price_cents"),
    currency: currency(),
    isComposite: flag("is_composite", false),
    segments: json<AppointmentSegmentSummary[]>("segments"),
    parentAppointmentId: integer("parent_appointment_id").references((): AnySQLiteColumn => appointments.id, {
      onDelete: "set null",
    }),
    recurringPatternId: integer("recurring_pattern_id").references(() => recurringAppointmentPatterns.id, {
      onDelete: "set null",
    }),
    occurrenceIndex: integer("occurrence_index"),
    callId: callLink(),
    calcomBookingUid: text("calcom_booking_uid"),
    calcomBookingId: integer("calcom_booking_id"),
    notes: text("notes"),
    customerNotes: text("customer_notes"),
    internalNotes: text("internal_notes"),
    metadata: json<JsonObject>("metadata"),
    confirmedAt: instant("confirmed_at"),
    confirmationSentAt: instant("confirmation_sent_at"),
    startedAt: instant("started_at"),
    completedAt: instant("completed_at"),
    cancelledAt: instant("cancelled_at"),
    cancellationReason: text("cancellation_reason"),
    cancelledBy: text("cancelled_by"),
    noShowAt: instant("no_show_at"),
    reminder24hSentAt: instant("reminder_24h_sent_at"),
    // Optimistic concurrency: every update must match and bump it.
    version: integer("version").notNull().default(1),
    lockToken: text("lock_token"),
    lockExpiresAt: instant("lock_expires_at"),
    createdByUserId: userLink("created_by_user_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex("appointments_uid_uq").on(t.uid),
    index("appointments_company_starts_idx").on(t.companyId, t.startsAt),
    index("appointments_customer_idx").on(t.customerId),
    // A caller's upcoming and recent appointments (voice): without it SQLite scans the company by time.
    index("appointments_company_customer_starts_idx").on(t.companyId, t.customerId, t.startsAt),
    index("appointments_status_starts_idx").on(t.status, t.startsAt),
    index("appointments_staff_starts_idx").on(t.staffId, t.startsAt),
    // Availability reads the qualified staff's appointments in a window: one range per staff
    // member, instead of every appointment of the company in the window (a third of the rows
    // read for one branch of three; SQLite prefers the company index otherwise).
    index("appointments_company_staff_starts_idx").on(t.companyId, t.staffId, t.startsAt),
    index("appointments_branch_starts_idx").on(t.branchId, t.startsAt),
    // One appointment per Cal.com booking: a redelivered BOOKING_CREATED cannot create a twin.
    uniqueIndex("appointments_calcom_booking_uid_uq").on(t.calcomBookingUid),
    index("appointments_hold_expires_idx").on(t.status, t.holdExpiresAt),
    index("appointments_parent_idx").on(t.parentAppointmentId),
    index("appointments_recurring_pattern_idx").on(t.recurringPatternId, t.occurrenceIndex),
    index("appointments_call_idx").on(t.callId),
    check("appointments_range_check", sql`${ref(t.endsAt)} > ${ref(t.startsAt)}`),
    check(
      "appointments_blocked_check",
      sql`${ref(t.blockedFrom)} <= ${ref(t.startsAt)} and ${ref(t.blockedUntil)} >= ${ref(t.endsAt)}`,
    ),
    check("appointments_version_check", sql`${ref(t.version)} >= 1`),
    check("appointments_occurrence_check", sql`${ref(t.occurrenceIndex)} >= 1`),
    checkNonNegative("appointments_price_check", t.priceCents),
    checkCurrency("appointments_currency_check", t.currency),
    checkIn("appointments_status_check", t.status, APPOINTMENT_STATUSES),
    checkIn("appointments_source_check", t.source, APPOINTMENT_SOURCES),
    checkIn("appointments_booking_type_check", t.bookingType, BOOKING_TYPES),
  ],
);

/** appointment_id of rows that belong to an appointment (deleted with it). */
export function appointmentRef() {
  return integer("appointment_id")
    .notNull()
    .references(() => appointments.id, { onDelete: "cascade" });
}

/** Optional appointment link, cleared when the appointment is deleted. */
export function appointmentLink(name = "appointment_id") {
  return integer(name).references(() => appointments.id, { onDelete: "set null" });
}

// The segments of a composite booking, each with its own staff, resource and occupied span.
export const nestedBookingSlots = sqliteTable(
  "nested_booking_slots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    appointmentId: appointmentRef(),
    sequence: integer("sequence").notNull(),
    segmentKey: text("segment_key"),
    serviceId: serviceLink(),
    staffId: integer("staff_id")
      .notNull()
      .references(() => staff.id),
    resourceId: integer("resource_id").references(() => resources.id, { onDelete: "set null" }),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    blockedFrom: instant("blocked_from").notNull(),
    blockedUntil: instant("blocked_until").notNull(),
    gapAfterMinutes: integer("gap_after_minutes").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("nested_booking_slots_appointment_sequence_uq").on(t.appointmentId, t.sequence),
    index("nested_booking_slots_company_staff_starts_idx").on(t.companyId, t.staffId, t.startsAt),
    check("nested_booking_slots_range_check", sql`${ref(t.endsAt)} > ${ref(t.startsAt)}`),
    check(
      "nested_booking_slots_blocked_check",
      sql`${ref(t.blockedFrom)} <= ${ref(t.startsAt)} and ${ref(t.blockedUntil)} >= ${ref(t.endsAt)}`,
    ),
    checkNonNegative("nested_booking_slots_non_negative_check", t.sequence, t.gapAfterMinutes),
  ],
);

// The database's own no-double-booking guard: one row per occupied 5-minute granule and calendar, written in the
// same batch as the appointment. Keys: 'staff:{id}', 'resource:{id}:{unit}' (one key per unit of capacity).
export const calendarOccupancy = sqliteTable(
  "calendar_occupancy",
  {
    calendarKey: text("calendar_key").notNull(),
    // floor(epoch minutes / 5).
    granule: integer("granule").notNull(),
    appointmentId: appointmentRef(),
    companyId: companyRef(),
  },
  (t) => [
    primaryKey({ name: "calendar_occupancy_pk", columns: [t.calendarKey, t.granule] }),
    index("calendar_occupancy_appointment_idx").on(t.appointmentId),
    index("calendar_occupancy_company_idx").on(t.companyId, t.calendarKey),
    check(
      "calendar_occupancy_key_check",
      sql`${ref(t.calendarKey)} glob 'staff:[0-9]*' or ${ref(t.calendarKey)} glob 'resource:[0-9]*'`,
    ),
    check("calendar_occupancy_granule_check", sql`${ref(t.granule)} >= 0`),
  ],
);

// Change history of appointments (reschedules, cancellations, policy violations) for policy checks and audits.
export const appointmentModifications = sqliteTable(
  "appointment_modifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    appointmentId: appointmentRef(),
    customerId: customerRef(),
    modificationType: text("modification_type", { enum: MODIFICATION_TYPES }).notNull(),
    // false = the change broke the effective policy (the spec's "violation").
    withinPolicy: flag("within_policy", true),
    policyConfigurationId: integer("policy_configuration_id").references(() => policyConfigurations.id, {
      onDelete: "set null",
    }),
    violationAction: text("violation_action", { enum: VIOLATION_ACTIONS }),
    noticeMinutes: integer("notice_minutes"),
    feeCents: cents("fee_cents"),
    currency: currency(),
    reason: text("reason"),
    previousStartsAt: instant("previous_starts_at"),
    previousEndsAt: instant("previous_ends_at"),
    newStartsAt: instant("new_starts_at"),
    newEndsAt: instant("new_ends_at"),
    modifiedByType: text("modified_by_type", { enum: ACTOR_TYPES }).notNull(),
    modifiedByUserId: userLink("modified_by_user_id"),
    callId: callLink(),
    metadata: json<JsonObject>("metadata"),
    createdAt: createdAt(),
  },
  (t) => [
    index("appointment_modifications_company_customer_idx").on(t.companyId, t.customerId, t.createdAt),
    index("appointment_modifications_appointment_idx").on(t.appointmentId, t.modificationType),
    checkIn("appointment_modifications_type_check", t.modificationType, MODIFICATION_TYPES),
    checkIn("appointment_modifications_violation_action_check", t.violationAction, VIOLATION_ACTIONS),
    checkIn("appointment_modifications_modified_by_check", t.modifiedByType, ACTOR_TYPES),
    checkNonNegative("appointment_modifications_fee_check", t.feeCents),
    checkCurrency("appointment_modifications_currency_check", t.currency),
    check(
      "appointment_modifications_reschedule_check",
      sql`${ref(t.modificationType)} <> 'reschedule' or (${ref(t.newStartsAt)} is not null and ${ref(t.newEndsAt)} > ${ref(t.newStartsAt)})`,
    ),
  ],
);

// Per customer and local month counters kept in step with appointment_modifications, so policy checks
// ("max 2 free cancellations per month") and the violations widget read one row instead of aggregating.
export const appointmentModificationStats = sqliteTable(
  "appointment_modification_stats",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    customerId: customerRef(),
    // 'YYYY-MM' in the company's zone.
    periodMonth: text("period_month").notNull(),
    modificationCount: counter("modification_count"),
    cancellationCount: counter("cancellation_count"),
    rescheduleCount: counter("reschedule_count"),
    violationCount: counter("violation_count"),
    lastAppointmentId: appointmentLink("last_appointment_id"),
    lastModificationAt: instant("last_modification_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("appointment_modification_stats_customer_month_uq").on(
      t.companyId,
      t.customerId,
      t.periodMonth,
    ),
    index("appointment_modification_stats_month_count_idx").on(
      t.companyId,
      t.periodMonth,
      t.modificationCount,
    ),
    index("appointment_modification_stats_customer_idx").on(t.customerId, t.modificationCount),
    check(
      "appointment_modification_stats_month_check",
      sql`${ref(t.periodMonth)} glob '[0-9][0-9][0-9][0-9]-[01][0-9]'`,
    ),
    checkNonNegative(
      "appointment_modification_stats_counts_check",
      t.modificationCount,
      t.cancellationCount,
      t.rescheduleCount,
      t.violationCount,
    ),
  ],
);

// Manual callback queue: what the voice agent promises when it cannot book during the call.
export const callbackRequests = sqliteTable(
  "callback_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    branchId: branchLink(),
    customerId: customerLink(),
    callId: callLink(),
    serviceId: serviceLink(),
    preferredStaffId: staffLink("preferred_staff_id"),
    phoneE164: text("phone_e164").notNull(),
    customerName: text("customer_name"),
    preferredTimes: json<PreferredCallbackTime[]>("preferred_times"),
    priority: text("priority", { enum: CALLBACK_PRIORITIES }).notNull().default("normal"),
    status: text("status", { enum: CALLBACK_STATUSES }).notNull().default("pending"),
    assignedToUserId: userLink("assigned_to_user_id"),
    assignedAt: instant("assigned_at"),
    contactedAt: instant("contacted_at"),
    completedAt: instant("completed_at"),
    expiresAt: instant("expires_at"),
    attemptCount: counter("attempt_count"),
    notes: text("notes"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("callback_requests_company_status_idx").on(t.companyId, t.status, t.priority, t.createdAt),
    index("callback_requests_assignee_idx").on(t.assignedToUserId, t.status),
    index("callback_requests_customer_idx").on(t.customerId),
    checkE164("callback_requests_phone_check", t.phoneE164),
    checkIn("callback_requests_priority_check", t.priority, CALLBACK_PRIORITIES),
    checkIn("callback_requests_status_check", t.status, CALLBACK_STATUSES),
    checkNonNegative("callback_requests_attempts_check", t.attemptCount),
  ],
);

// Callbacks that missed their deadline or failed repeatedly, handed up to someone responsible.
export const callbackEscalations = sqliteTable(
  "callback_escalations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    callbackRequestId: integer("callback_request_id")
      .notNull()
      .references(() => callbackRequests.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: ESCALATION_REASONS }).notNull(),
    escalatedFromUserId: userLink("escalated_from_user_id"),
    escalatedToUserId: userLink("escalated_to_user_id"),
    resolvedAt: instant("resolved_at"),
    resolutionNotes: text("resolution_notes"),
    metadata: json<JsonObject>("metadata"),
    createdAt: createdAt(),
  },
  (t) => [
    index("callback_escalations_company_idx").on(t.companyId, t.resolvedAt),
    index("callback_escalations_request_idx").on(t.callbackRequestId),
    checkIn("callback_escalations_reason_check", t.reason, ESCALATION_REASONS),
  ],
);

// Remembers the first result of every retryable write (Retell tool calls, partner API) so a repeat returns it.
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    // Null while the first request is still in flight.
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [
    uniqueIndex("idempotency_keys_company_scope_key_uq").on(t.companyId, t.scope, t.key),
    index("idempotency_keys_expires_idx").on(t.expiresAt),
    check("idempotency_keys_status_check", sql`${ref(t.responseStatus)} between 100 and 599`),
  ],
);

export type RecurringAppointmentPattern = typeof recurringAppointmentPatterns.$inferSelect;
export type NewRecurringAppointmentPattern = typeof recurringAppointmentPatterns.$inferInsert;
export type Appointment = typeof appointments.$inferSelect;
export type NewAppointment = typeof appointments.$inferInsert;
export type NestedBookingSlot = typeof nestedBookingSlots.$inferSelect;
export type NewNestedBookingSlot = typeof nestedBookingSlots.$inferInsert;
export type CalendarOccupancy = typeof calendarOccupancy.$inferSelect;
export type NewCalendarOccupancy = typeof calendarOccupancy.$inferInsert;
export type AppointmentModification = typeof appointmentModifications.$inferSelect;
export type NewAppointmentModification = typeof appointmentModifications.$inferInsert;
export type AppointmentModificationStat = typeof appointmentModificationStats.$inferSelect;
export type NewAppointmentModificationStat = typeof appointmentModificationStats.$inferInsert;
export type CallbackRequest = typeof callbackRequests.$inferSelect;
export type NewCallbackRequest = typeof callbackRequests.$inferInsert;
export type CallbackEscalation = typeof callbackEscalations.$inferSelect;
export type NewCallbackEscalation = typeof callbackEscalations.$inferInsert;
export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
export type NewIdempotencyKey = typeof idempotencyKeys.$inferInsert;
