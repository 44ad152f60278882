import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { userLink } from "./access";
import {
  checkE164,
  checkIn,
  checkLocalDate,
  checkLowercase,
  checkNonNegative,
  counter,
  createdAt,
  deletedAt,
  flag,
  instant,
  json,
  ref,
  updatedAt,
} from "./columns";
import {
  CUSTOMER_NOTE_TYPES,
  CUSTOMER_SOURCES,
  JOURNEY_STATUSES,
  LOYALTY_TIERS,
  NOTE_VISIBILITIES,
} from "./enums";
import { staffLink } from "./staff";
import { branchLink, companyRef } from "./tenancy";

/** One journey transition; `at` is an ISO 8601 UTC instant. */
export type JourneyTransition = { from: string | null; to: string; at: string; reason?: string };

// The people who book: CRM profile, journey and engagement counters, GDPR consent and erasure state.
export const customers = sqliteTable(
  "customers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    // Preferred branch.
    branchId: branchLink(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    phoneVariants: json<string[]>("phone_variants"),
    // Lower-case, accent-folded name + email: the target of LIKE searches.
    searchText: text("search_text").notNull().default(""),
    dateOfBirth: text("date_of_birth"),
    preferredLanguage: text("preferred_language").notNull().default("de"),
    preferredStaffId: staffLink("preferred_staff_id"),
    journeyStatus: text("journey_status", { enum: JOURNEY_STATUSES }).notNull().default("lead"),
    journeyHistory: json<JourneyTransition[]>("journey_history"),
    journeyStatusUpdatedAt: instant("journey_status_updated_at"),
    engagementScore: counter("engagement_score"),
    loyaltyPoints: counter("loyalty_points"),
    loyaltyTier: text("loyalty_tier", { enum: LOYALTY_TIERS }).notNull().default("bronze"),
    isVip: flag("is_vip", false),
    totalRevenueCents: counter("total_revenue_cents"),
    appointmentCount: counter("appointment_count"),
    completedCount: counter("completed_count"),
    noShowCount: counter("no_show_count"),
    cancelledCount: counter("cancelled_count"),
    callCount: counter("call_count"),
    lastAppointmentAt: instant("last_appointment_at"),
    lastContactAt: instant("last_contact_at"),
    source: text("source", { enum: CUSTOMER_SOURCES }).notNull().default("admin"),
    tags: json<string[]>("tags"),
    notes: text("notes"),
    gdprConsent: flag("gdpr_consent", false),
    gdprConsentAt: instant("gdpr_consent_at"),
    marketingConsent: flag("marketing_consent", false),
    marketingConsentAt: instant("marketing_consent_at"),
    privacyConsentAt: instant("privacy_consent_at"),
    deletionRequestedAt: instant("deletion_requested_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("customers_company_id_idx").on(t.companyId, t.id),
    index("customers_company_phone_idx").on(t.companyId, t.phone),
    index("customers_company_email_idx").on(t.companyId, t.email),
    index("customers_company_journey_idx").on(t.companyId, t.journeyStatus),
    index("customers_preferred_staff_idx").on(t.preferredStaffId),
    checkE164("customers_phone_check", t.phone),
    checkLocalDate("customers_date_of_birth_check", t.dateOfBirth),
    checkLowercase("customers_search_text_check", t.searchText),
    check("customers_engagement_score_check", sql`${ref(t.engagementScore)} between 0 and 1000`),
    checkNonNegative(
      "customers_counters_check",
      t.loyaltyPoints,
      t.totalRevenueCents,
      t.appointmentCount,
      t.completedCount,
      t.noShowCount,
      t.cancelledCount,
      t.callCount,
    ),
    checkIn("customers_journey_status_check", t.journeyStatus, JOURNEY_STATUSES),
    checkIn("customers_loyalty_tier_check", t.loyaltyTier, LOYALTY_TIERS),
    checkIn("customers_source_check", t.source, CUSTOMER_SOURCES),
  ],
);

/** customer_id of rows owned by a customer (erased with it). */
export function customerRef() {
  return integer("customer_id")
    .notNull()
    .references(() => customers.id, { onDelete: "cascade" });
}

/** Optional customer link, cleared when the customer is erased. */
export function customerLink() {
  return integer("customer_id").references(() => customers.id, { onDelete: "set null" });
}

// Caller identification: one row per E.164 number (primary and every variant) so a lookup is one index probe.
export const customerPhoneIndex = sqliteTable(
  "customer_phone_index",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    customerId: customerRef(),
    phoneE164: text("phone_e164").notNull(),
    isPrimary: flag("is_primary", false),
  },
  (t) => [
    // Also serves lookups by (company_id, phone_e164): it is the leading prefix.
    uniqueIndex("customer_phone_index_company_phone_customer_uq").on(t.companyId, t.phoneE164, t.customerId),
    index("customer_phone_index_customer_idx").on(t.customerId),
    checkE164("customer_phone_index_phone_check", t.phoneE164),
  ],
);

// Staff annotations on a customer (complaints, medical hints), with visibility limits.
export const customerNotes = sqliteTable(
  "customer_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    customerId: customerRef(),
    subject: text("subject"),
    content: text("content").notNull(),
    type: text("type", { enum: CUSTOMER_NOTE_TYPES }).notNull().default("general"),
    isPinned: flag("is_pinned", false),
    visibility: text("visibility", { enum: NOTE_VISIBILITIES }).notNull().default("all"),
    createdByUserId: userLink("created_by_user_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("customer_notes_company_customer_idx").on(t.companyId, t.customerId, t.isPinned),
    index("customer_notes_customer_idx").on(t.customerId),
    checkIn("customer_notes_type_check", t.type, CUSTOMER_NOTE_TYPES),
    checkIn("customer_notes_visibility_check", t.visibility, NOTE_VISIBILITIES),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
export type CustomerPhoneIndexEntry = typeof customerPhoneIndex.$inferSelect;
export type NewCustomerPhoneIndexEntry = typeof customerPhoneIndex.$inferInsert;
export type CustomerNote = typeof customerNotes.$inferSelect;
export type NewCustomerNote = typeof customerNotes.$inferInsert;
