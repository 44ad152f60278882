import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { userLink } from "./access";
import { checkIn, createdAt, flag, type JsonObject, json, ref, updatedAt } from "./columns";
import { CAUSER_TYPES, CONFIGURABLE_TYPES, POLICY_TYPES, type ViolationAction } from "./enums";
import { companies, companyRef } from "./tenancy";

export type CancellationPolicy = {
  minHoursNotice: number;
  cancellationFeeCents: number;
  /** Fee as a share of the appointment price, in basis points (alternative to the fixed fee). */
  cancellationFeeBp?: number;
  maxFreeCancellationsPerMonth?: number;
  violationAction: ViolationAction;
};
export type ReschedulePolicy = {
  minHoursNotice: number;
  maxReschedulesPerBooking: number;
  violationAction: ViolationAction;
};
export type RecurringPolicy = {
  minSeriesLength: number;
  maxSeriesLength: number;
  skipAllowed: boolean;
  maxSkipsPerSeries: number;
};
/** A level only sets the keys it overrides; missing keys are inherited (Staff → Service → Branch → Company). */
export type PolicyConfig = Partial<CancellationPolicy> | Partial<ReschedulePolicy> | Partial<RecurringPolicy>;

// Cancellation, reschedule and recurring rules attached to a company, branch, service or staff member;
// the most specific active one wins and overrides_id records which policy it refines.
export const policyConfigurations = sqliteTable(
  "policy_configurations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    configurableType: text("configurable_type", { enum: CONFIGURABLE_TYPES }).notNull(),
    configurableId: integer("configurable_id").notNull(),
    policyType: text("policy_type", { enum: POLICY_TYPES }).notNull(),
    config: json<PolicyConfig>("config").notNull(),
    isActive: flag("is_active", true),
    overridesId: integer("overrides_id").references((): AnySQLiteColumn => policyConfigurations.id, {
      onDelete: "set null",
    }),
    description: text("description"),
    createdByUserId: userLink("created_by_user_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One active policy of a type per configurable.
    uniqueIndex("policy_configurations_active_uq")
      .on(t.companyId, t.configurableType, t.configurableId, t.policyType)
      .where(sql`${ref(t.isActive)} = 1`),
    index("policy_configurations_company_idx").on(t.companyId, t.policyType),
    index("policy_configurations_overrides_idx").on(t.overridesId),
    checkIn("policy_configurations_configurable_type_check", t.configurableType, CONFIGURABLE_TYPES),
    checkIn("policy_configurations_policy_type_check", t.policyType, POLICY_TYPES),
    check("policy_configurations_configurable_id_check", sql`${ref(t.configurableId)} > 0`),
    check("policy_configurations_overrides_check", sql`${ref(t.overridesId)} <> ${ref(t.id)}`),
  ],
);

// Platform-wide switches and defaults that super admins change without a deploy.
export const systemSettings = sqliteTable(
  "system_settings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    value: json<unknown>("value"),
    category: text("category").notNull().default("general"),
    description: text("description"),
    // Public settings may be read by any signed-in user (e.g. support phone); others only by super admins.
    isPublic: flag("is_public", false),
    updatedByUserId: userLink("updated_by_user_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("system_settings_key_uq").on(t.key),
    index("system_settings_category_idx").on(t.category),
  ],
);

/** Changed attributes of an audited record. */
export type ActivityProperties = { old?: JsonObject; new?: JsonObject };

// Audit trail: who changed what and when, with old and new values (GDPR accountability, support).
export const activityLog = sqliteTable(
  "activity_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Null for platform-level events (super admin actions, failed sign-ins without a company).
    companyId: integer("company_id").references(() => companies.id, { onDelete: "cascade" }),
    logName: text("log_name").notNull().default("default"),
    description: text("description").notNull(),
    subjectType: text("subject_type"),
    subjectId: integer("subject_id"),
    causerType: text("causer_type", { enum: CAUSER_TYPES }),
    causerId: integer("causer_id"),
    properties: json<ActivityProperties>("properties"),
    requestId: text("request_id"),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [
    index("activity_log_company_created_idx").on(t.companyId, t.createdAt),
    index("activity_log_subject_idx").on(t.subjectType, t.subjectId),
    index("activity_log_causer_idx").on(t.causerType, t.causerId),
    index("activity_log_log_name_idx").on(t.logName, t.createdAt),
    checkIn("activity_log_causer_type_check", t.causerType, CAUSER_TYPES),
  ],
);

export type PolicyConfiguration = typeof policyConfigurations.$inferSelect;
export type NewPolicyConfiguration = typeof policyConfigurations.$inferInsert;
export type SystemSetting = typeof systemSettings.$inferSelect;
export type NewSystemSetting = typeof systemSettings.$inferInsert;
export type ActivityLogEntry = typeof activityLog.$inferSelect;
export type NewActivityLogEntry = typeof activityLog.$inferInsert;
