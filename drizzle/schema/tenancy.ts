import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { pricingPlans } from "./billing";
import {
  checkBasisPoints,
  checkCountry,
  checkCurrency,
  checkIn,
  checkInteger,
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
import { DRIFT_STRATEGIES, SUBSCRIPTION_STATUSES, TENANT_STATUSES } from "./enums";

export type TenantLimits = { maxCompanies?: number; maxUsers?: number; maxCallsPerMonth?: number };

/** Opening hours of a branch by weekday (0 = Sunday); local 'HH:MM' times in the branch's zone. */
export type BranchBusinessHours = Array<{ dayOfWeek: number; startTime: string; endTime: string }>;

// Root of the hierarchy: the contract holder whose plan, limits and feature flags bound everything beneath it.
export const tenants = sqliteTable(
  "tenants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    status: text("status", { enum: TENANT_STATUSES }).notNull().default("active"),
    settings: json<JsonObject>("settings"),
    featureFlags: json<Record<string, boolean>>("feature_flags"),
    limits: json<TenantLimits>("limits"),
    trialEndsAt: instant("trial_ends_at"),
    pricingPlanId: integer("pricing_plan_id").references(() => pricingPlans.id, { onDelete: "set null" }),
    subscriptionStatus: text("subscription_status", { enum: SUBSCRIPTION_STATUSES }),
    stripeCustomerId: text("stripe_customer_id"),
    stripeSubscriptionId: text("stripe_subscription_id"),
    currentPeriodEndsAt: instant("current_period_ends_at"),
    // Outgoing webhooks to the tenant's own systems, signed with this (encrypted) secret.
    webhookUrl: text("webhook_url"),
    webhookSecretEnc: text("webhook_secret_enc"),
    // Fallback credentials for companies that have none of their own (encrypted at rest).
    calcomApiKeyEnc: text("calcom_api_key_enc"),
    retellApiKeyEnc: text("retell_api_key_enc"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("tenants_slug_uq").on(t.slug),
    uniqueIndex("tenants_stripe_subscription_uq").on(t.stripeSubscriptionId),
    checkIn("tenants_status_check", t.status, TENANT_STATUSES),
    checkIn("tenants_subscription_status_check", t.subscriptionStatus, SUBSCRIPTION_STATUSES),
  ],
);

// The business a tenant runs: owns every tenant-scoped row, its prepaid balance and its third-party credentials.
export const companies = sqliteTable(
  "companies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tenantId: integer("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    email: text("email"),
    phone: text("phone"),
    country: text("country").notNull().default("DE"),
    timezone: text("timezone").notNull().default("Europe/Berlin"),
    locale: text("locale").notNull().default("de"),
    currency: currency(),
    // Prepaid balance; only ever changed together with a transactions row (the ledger).
    balanceCents: integer("balance_cents").notNull().default(0),
    pricingPlanId: integer("pricing_plan_id").references(() => pricingPlans.id, { onDelete: "set null" }),
    commissionRateBp: integer("commission_rate_bp").notNull().default(0),
    isActive: flag("is_active", true),
    calcomTeamId: integer("calcom_team_id"),
    // Credentials below are encrypted at rest (AES-GCM with ENCRYPTION_KEY); never returned by the API.
    calcomApiKeyEnc: text("calcom_api_key_enc"),
    calcomWebhookSecretEnc: text("calcom_webhook_secret_enc"),
    retellApiKeyEnc: text("retell_api_key_enc"),
    webhookSigningSecretEnc: text("webhook_signing_secret_enc"),
    googleCalendarCredentialsEnc: text("google_calendar_credentials_enc"),
    stripeCustomerId: text("stripe_customer_id"),
    driftStrategy: text("drift_strategy", { enum: DRIFT_STRATEGIES }).notNull().default("platform_wins"),
    holdTtlSeconds: integer("hold_ttl_seconds").notNull().default(300),
    ipWhitelist: json<string[]>("ip_whitelist"),
    settings: json<JsonObject>("settings"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("companies_tenant_idx").on(t.tenantId),
    uniqueIndex("companies_tenant_slug_uq").on(t.tenantId, t.slug),
    checkInteger("companies_balance_integer_check", t.balanceCents),
    checkBasisPoints("companies_commission_rate_check", t.commissionRateBp),
    check("companies_hold_ttl_check", sql`${ref(t.holdTtlSeconds)} > 0`),
    checkCountry("companies_country_check", t.country),
    checkCurrency("companies_currency_check", t.currency),
    checkIn("companies_drift_strategy_check", t.driftStrategy, DRIFT_STRATEGIES),
  ],
);

/** company_id column of every tenant-owned table: deleting the company deletes its rows. */
export function companyRef() {
  return integer("company_id")
    .notNull()
    .references(() => companies.id, { onDelete: "cascade" });
}

/** branch_id of rows that belong to a branch (deleted with it). */
export function branchRef() {
  return integer("branch_id")
    .notNull()
    .references(() => branches.id, { onDelete: "cascade" });
}

/** Optional branch link, cleared when the branch is deleted. */
export function branchLink() {
  return integer("branch_id").references(() => branches.id, { onDelete: "set null" });
}

// A physical location: its IANA zone is the one working hours, reminders and spoken dates are evaluated in.
export const branches = sqliteTable(
  "branches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    street: text("street"),
    postalCode: text("postal_code"),
    city: text("city"),
    country: text("country").notNull().default("DE"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    timezone: text("timezone").notNull().default("Europe/Berlin"),
    isActive: flag("is_active", true),
    isMain: flag("is_main", false),
    serviceRadiusKm: integer("service_radius_km"),
    transportInfo: text("transport_info"),
    businessHours: json<BranchBusinessHours>("business_hours"),
    settings: json<JsonObject>("settings"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("branches_company_idx").on(t.companyId, t.isActive),
    // At most one main branch per company (among the not deleted ones).
    uniqueIndex("branches_company_main_uq")
      .on(t.companyId)
      .where(sql`${ref(t.isMain)} = 1 and ${ref(t.deletedAt)} is null`),
    checkCountry("branches_country_check", t.country),
    check("branches_latitude_check", sql`${ref(t.latitude)} between -90 and 90`),
    check("branches_longitude_check", sql`${ref(t.longitude)} between -180 and 180`),
    check("branches_service_radius_check", sql`${ref(t.serviceRadiusKm)} > 0`),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
export type Company = typeof companies.$inferSelect;
export type NewCompany = typeof companies.$inferInsert;
export type Branch = typeof branches.$inferSelect;
export type NewBranch = typeof branches.$inferInsert;
