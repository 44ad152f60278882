import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { userLink } from "./access";
import { appointmentLink } from "./appointments";
import { callLink } from "./calls";
import {
  cents,
  checkBasisPoints,
  checkCurrency,
  checkIn,
  checkInteger,
  checkLocalDate,
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
import { customerLink } from "./customers";
import {
  BILLING_INTERVALS,
  BONUS_TYPES,
  INVOICE_PAYMENT_METHODS,
  INVOICE_STATUSES,
  PLATFORM_COST_SERVICE_TYPES,
  type PlatformCostServiceType,
  TOPUP_PAYMENT_METHODS,
  TOPUP_STATUSES,
  TRANSACTION_REFERENCE_TYPES,
  TRANSACTION_TYPES,
} from "./enums";
import { serviceLink } from "./staff";
import { companyRef } from "./tenancy";

export type PricingPlanLimits = { maxBranches?: number; maxStaff?: number; maxCallsPerMonth?: number };

// Subscription plans: the monthly fee and the per-use prices that call and SMS debits are computed from.
export const pricingPlans = sqliteTable(
  "pricing_plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description"),
    billingInterval: text("billing_interval", { enum: BILLING_INTERVALS }).notNull().default("monthly"),
    priceCents: cents("price_cents"),
    setupFeeCents: cents("setup_fee_cents"),
    currency: currency(),
    includedMinutes: counter("included_minutes"),
    perMinuteCents: cents("per_minute_cents"),
    perCallCents: cents("per_call_cents"),
    perSmsCents: cents("per_sms_cents"),
    features: json<string[]>("features"),
    limits: json<PricingPlanLimits>("limits"),
    stripePriceId: text("stripe_price_id"),
    isActive: flag("is_active", true),
    isPublic: flag("is_public", true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("pricing_plans_slug_uq").on(t.slug),
    checkIn("pricing_plans_billing_interval_check", t.billingInterval, BILLING_INTERVALS),
    checkNonNegative(
      "pricing_plans_non_negative_check",
      t.priceCents,
      t.setupFeeCents,
      t.includedMinutes,
      t.perMinuteCents,
      t.perCallCents,
      t.perSmsCents,
    ),
    checkCurrency("pricing_plans_currency_check", t.currency),
  ],
);

// Top-up bonus rules: the highest active tier whose minimum the amount reaches adds its bonus.
export const balanceBonusTiers = sqliteTable(
  "balance_bonus_tiers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    minTopupCents: integer("min_topup_cents").notNull(),
    currency: currency(),
    bonusType: text("bonus_type", { enum: BONUS_TYPES }).notNull().default("percentage"),
    bonusBp: integer("bonus_bp"),
    bonusFixedCents: integer("bonus_fixed_cents"),
    isActive: flag("is_active", true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("balance_bonus_tiers_currency_min_uq").on(t.currency, t.minTopupCents),
    check("balance_bonus_tiers_min_check", sql`${ref(t.minTopupCents)} > 0`),
    checkIn("balance_bonus_tiers_bonus_type_check", t.bonusType, BONUS_TYPES),
    checkBasisPoints("balance_bonus_tiers_bonus_bp_check", t.bonusBp),
    checkNonNegative("balance_bonus_tiers_bonus_fixed_check", t.bonusFixedCents),
    check(
      "balance_bonus_tiers_bonus_value_check",
      sql`(${ref(t.bonusType)} = 'percentage' and ${ref(t.bonusBp)} is not null) or (${ref(t.bonusType)} = 'fixed' and ${ref(t.bonusFixedCents)} is not null)`,
    ),
    checkCurrency("balance_bonus_tiers_currency_check", t.currency),
  ],
);

// Money a company adds to its prepaid balance; completed once the payment (Stripe event) confirms it.
export const balanceTopups = sqliteTable(
  "balance_topups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    amountCents: integer("amount_cents").notNull(),
    currency: currency(),
    paymentMethod: text("payment_method", { enum: TOPUP_PAYMENT_METHODS }).notNull(),
    bonusCents: cents("bonus_cents"),
    bonusTierId: integer("bonus_tier_id").references(() => balanceBonusTiers.id, { onDelete: "set null" }),
    status: text("status", { enum: TOPUP_STATUSES }).notNull().default("pending"),
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    initiatedByUserId: userLink("initiated_by_user_id"),
    completedAt: instant("completed_at"),
    failedAt: instant("failed_at"),
    failureReason: text("failure_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("balance_topups_stripe_payment_intent_uq").on(t.stripePaymentIntentId),
    index("balance_topups_company_created_idx").on(t.companyId, t.createdAt),
    index("balance_topups_status_idx").on(t.status, t.createdAt),
    check("balance_topups_amount_check", sql`${ref(t.amountCents)} > 0`),
    checkNonNegative("balance_topups_bonus_check", t.bonusCents),
    checkIn("balance_topups_payment_method_check", t.paymentMethod, TOPUP_PAYMENT_METHODS),
    checkIn("balance_topups_status_check", t.status, TOPUP_STATUSES),
    checkCurrency("balance_topups_currency_check", t.currency),
  ],
);

// The balance ledger: one row per change, written in the same batch as companies.balance_cents.
export const transactions = sqliteTable(
  "transactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    customerId: customerLink(),
    type: text("type", { enum: TRANSACTION_TYPES }).notNull(),
    // Signed: credits positive, debits negative.
    amountCents: integer("amount_cents").notNull(),
    currency: currency(),
    balanceBeforeCents: integer("balance_before_cents").notNull(),
    balanceAfterCents: integer("balance_after_cents").notNull(),
    referenceType: text("reference_type", { enum: TRANSACTION_REFERENCE_TYPES }),
    referenceId: integer("reference_id"),
    description: text("description"),
    createdByUserId: userLink("created_by_user_id"),
    metadata: json<JsonObject>("metadata"),
    createdAt: createdAt(),
  },
  (t) => [
    index("transactions_company_created_idx").on(t.companyId, t.createdAt),
    index("transactions_reference_idx").on(t.referenceType, t.referenceId),
    index("transactions_customer_idx").on(t.customerId),
    // A top-up, its bonus or a call is booked to the ledger once, however often its event is delivered.
    uniqueIndex("transactions_once_per_reference_uq")
      .on(t.companyId, t.type, t.referenceType, t.referenceId)
      .where(sql`${ref(t.type)} in ('topup', 'bonus', 'call_cost')`),
    check(
      "transactions_balance_check",
      sql`${ref(t.balanceAfterCents)} = ${ref(t.balanceBeforeCents)} + ${ref(t.amountCents)}`,
    ),
    checkInteger("transactions_amount_integer_check", t.amountCents),
    check(
      "transactions_reference_check",
      sql`(${ref(t.referenceType)} is null) = (${ref(t.referenceId)} is null)`,
    ),
    checkIn("transactions_type_check", t.type, TRANSACTION_TYPES),
    checkIn("transactions_reference_type_check", t.referenceType, TRANSACTION_REFERENCE_TYPES),
    checkCurrency("transactions_currency_check", t.currency),
  ],
);

// Invoices a company issues to its customers; numbers are unique per company and the customer data is
// copied in so an invoice survives the customer's erasure unchanged.
export const invoices = sqliteTable(
  "invoices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    customerId: customerLink(),
    invoiceNumber: text("invoice_number").notNull(),
    recipientName: text("recipient_name"),
    recipientAddress: text("recipient_address"),
    recipientEmail: text("recipient_email"),
    issueDate: text("issue_date").notNull(),
    dueDate: text("due_date"),
    subtotalCents: cents("subtotal_cents"),
    taxCents: cents("tax_cents"),
    totalCents: cents("total_cents"),
    currency: currency(),
    status: text("status", { enum: INVOICE_STATUSES }).notNull().default("draft"),
    paymentMethod: text("payment_method", { enum: INVOICE_PAYMENT_METHODS }),
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    sentAt: instant("sent_at"),
    paidAt: instant("paid_at"),
    cancelledAt: instant("cancelled_at"),
    notes: text("notes"),
    termsAndConditions: text("terms_and_conditions"),
    createdByUserId: userLink("created_by_user_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex("invoices_company_number_uq").on(t.companyId, t.invoiceNumber),
    uniqueIndex("invoices_stripe_payment_intent_uq").on(t.stripePaymentIntentId),
    index("invoices_company_status_due_idx").on(t.companyId, t.status, t.dueDate),
    index("invoices_customer_idx").on(t.customerId),
    checkLocalDate("invoices_issue_date_check", t.issueDate),
    checkLocalDate("invoices_due_date_check", t.dueDate),
    check("invoices_due_check", sql`${ref(t.dueDate)} is null or ${ref(t.dueDate)} >= ${ref(t.issueDate)}`),
    checkNonNegative("invoices_amounts_check", t.subtotalCents, t.taxCents),
    check("invoices_total_check", sql`${ref(t.totalCents)} = ${ref(t.subtotalCents)} + ${ref(t.taxCents)}`),
    checkIn("invoices_status_check", t.status, INVOICE_STATUSES),
    checkIn("invoices_payment_method_check", t.paymentMethod, INVOICE_PAYMENT_METHODS),
    checkCurrency("invoices_currency_check", t.currency),
  ],
);

// Invoice lines; total = quantity × unit price + tax, so the invoice sums can be checked line by line.
export const invoiceItems = sqliteTable(
  "invoice_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    invoiceId: integer("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull().default(1),
    unitPriceCents: integer("unit_price_cents").notNull(),
    taxRateBp: integer("tax_rate_bp").notNull().default(1900),
    taxCents: cents("tax_cents"),
    totalCents: integer("total_cents").notNull(),
    appointmentId: appointmentLink(),
    serviceId: serviceLink(),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("invoice_items_company_invoice_idx").on(t.companyId, t.invoiceId),
    index("invoice_items_invoice_idx").on(t.invoiceId, t.sortOrder),
    index("invoice_items_appointment_idx").on(t.appointmentId),
    check("invoice_items_quantity_check", sql`${ref(t.quantity)} > 0`),
    checkNonNegative("invoice_items_amounts_check", t.unitPriceCents, t.taxCents),
    checkBasisPoints("invoice_items_tax_rate_check", t.taxRateBp),
    check(
      "invoice_items_total_check",
      sql`${ref(t.totalCents)} = ${ref(t.quantity)} * ${ref(t.unitPriceCents)} + ${ref(t.taxCents)}`,
    ),
  ],
);

// What third parties (Retell, Cal.com, SMS, translation) cost the platform per company: the profit baseline.
export const platformCosts = sqliteTable(
  "platform_costs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    serviceType: text("service_type", { enum: PLATFORM_COST_SERVICE_TYPES }).notNull(),
    // In the provider's currency.
    costCents: integer("cost_cents").notNull(),
    currency: text("currency").notNull().default("USD"),
    // Provider currency → company currency, 1.0 = 1 000 000.
    exchangeRateMicros: integer("exchange_rate_micros").notNull().default(1_000_000),
    // In the company's currency.
    convertedCostCents: integer("converted_cost_cents").notNull(),
    quantity: integer("quantity").notNull().default(1),
    unit: text("unit"),
    costPerUnitCents: integer("cost_per_unit_cents"),
    callId: callLink(),
    // The provider's id for the charged item (e.g. the Retell call id): the same cost is never recorded twice.
    externalId: text("external_id"),
    metadata: json<JsonObject>("metadata"),
    occurredAt: instant("occurred_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("platform_costs_service_external_uq").on(t.serviceType, t.externalId),
    index("platform_costs_company_occurred_idx").on(t.companyId, t.occurredAt),
    index("platform_costs_company_service_idx").on(t.companyId, t.serviceType, t.occurredAt),
    index("platform_costs_call_idx").on(t.callId),
    checkIn("platform_costs_service_type_check", t.serviceType, PLATFORM_COST_SERVICE_TYPES),
    checkNonNegative(
      "platform_costs_non_negative_check",
      t.costCents,
      t.convertedCostCents,
      t.quantity,
      t.costPerUnitCents,
    ),
    check("platform_costs_rate_check", sql`${ref(t.exchangeRateMicros)} > 0`),
    checkCurrency("platform_costs_currency_check", t.currency),
  ],
);

// Monthly per-company cost roll-up written by the monthly cron, so reports never rescan raw costs.
export const monthlyCostReports = sqliteTable(
  "monthly_cost_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    year: integer("year").notNull(),
    month: integer("month").notNull(),
    totalCostCents: cents("total_cost_cents"),
    totalChargedCents: cents("total_charged_cents"),
    currency: currency(),
    costBreakdown: json<Partial<Record<PlatformCostServiceType, number>>>("cost_breakdown"),
    callCount: counter("call_count"),
    callDurationSeconds: counter("call_duration_seconds"),
    smsCount: counter("sms_count"),
    whatsappCount: counter("whatsapp_count"),
    emailCount: counter("email_count"),
    appointmentCount: counter("appointment_count"),
    generatedAt: instant("generated_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("monthly_cost_reports_company_month_uq").on(t.companyId, t.year, t.month),
    check("monthly_cost_reports_month_check", sql`${ref(t.month)} between 1 and 12`),
    check("monthly_cost_reports_year_check", sql`${ref(t.year)} between 2000 and 2999`),
    checkNonNegative(
      "monthly_cost_reports_non_negative_check",
      t.totalCostCents,
      t.totalChargedCents,
      t.callCount,
      t.callDurationSeconds,
      t.smsCount,
      t.whatsappCount,
      t.emailCount,
      t.appointmentCount,
    ),
    checkCurrency("monthly_cost_reports_currency_check", t.currency),
  ],
);

// Exchange rates by validity start, so a cost is always converted with the rate of its day.
export const currencyExchangeRates = sqliteTable(
  "currency_exchange_rates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    baseCurrency: text("base_currency").notNull(),
    quoteCurrency: text("quote_currency").notNull(),
    // 1 base = rate_micros / 1 000 000 quote.
    rateMicros: integer("rate_micros").notNull(),
    source: text("source").notNull().default("manual"),
    validFrom: instant("valid_from").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("currency_exchange_rates_pair_valid_uq").on(t.baseCurrency, t.quoteCurrency, t.validFrom),
    check("currency_exchange_rates_rate_check", sql`${ref(t.rateMicros)} > 0`),
    check("currency_exchange_rates_pair_check", sql`${ref(t.baseCurrency)} <> ${ref(t.quoteCurrency)}`),
    checkCurrency("currency_exchange_rates_base_check", t.baseCurrency),
    checkCurrency("currency_exchange_rates_quote_check", t.quoteCurrency),
  ],
);

export type PricingPlan = typeof pricingPlans.$inferSelect;
export type NewPricingPlan = typeof pricingPlans.$inferInsert;
export type BalanceBonusTier = typeof balanceBonusTiers.$inferSelect;
export type NewBalanceBonusTier = typeof balanceBonusTiers.$inferInsert;
export type BalanceTopup = typeof balanceTopups.$inferSelect;
export type NewBalanceTopup = typeof balanceTopups.$inferInsert;
export type Transaction = typeof transactions.$inferSelect;
export type NewTransaction = typeof transactions.$inferInsert;
export type Invoice = typeof invoices.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert;
export type InvoiceItem = typeof invoiceItems.$inferSelect;
export type NewInvoiceItem = typeof invoiceItems.$inferInsert;
export type PlatformCost = typeof platformCosts.$inferSelect;
export type NewPlatformCost = typeof platformCosts.$inferInsert;
export type MonthlyCostReport = typeof monthlyCostReports.$inferSelect;
export type NewMonthlyCostReport = typeof monthlyCostReports.$inferInsert;
export type CurrencyExchangeRate = typeof currencyExchangeRates.$inferSelect;
export type NewCurrencyExchangeRate = typeof currencyExchangeRates.$inferInsert;
