import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { userLink } from "./access";
import {
  checkCurrency,
  checkIn,
  checkLocalDate,
  checkLocalTime,
  checkNonNegative,
  createdAt,
  currency,
  deletedAt,
  flag,
  instant,
  json,
  ref,
  updatedAt,
} from "./columns";
import { RESOURCE_TYPES, SKILL_LEVELS, TIME_OFF_TYPES } from "./enums";
import { branchRef, companyRef } from "./tenancy";

/** One step of a composite service (e.g. wash, cut, blow-dry), with the allowed gap after it. */
export type ServiceSegment = {
  key: string;
  name: string;
  serviceId?: number;
  durationMinutes: number;
  gapAfterMinMinutes: number;
  gapAfterMaxMinutes: number;
  sameStaffAsPrevious: boolean;
  staffBusyDuringGap: boolean;
};

// The people whose time is booked; each has one calendar (one StaffCalendar object) across all branches.
export const staff = sqliteTable(
  "staff",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    branchId: branchRef(),
    userId: userLink("user_id"),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    color: text("color"),
    isActive: flag("is_active", true),
    isBookable: flag("is_bookable", true),
    calcomUserId: integer("calcom_user_id"),
    notes: text("notes"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("staff_company_branch_idx").on(t.companyId, t.branchId),
    index("staff_user_idx").on(t.userId),
    index("staff_calcom_user_idx").on(t.calcomUserId),
    check(
      "staff_color_check",
      // '#RRGGBB'. (D1 caps GLOB patterns at 50 bytes, hence the two-step test.)
      sql`length(${ref(t.color)}) = 7 and ${ref(t.color)} glob '#*' and substr(${ref(t.color)}, 2) not glob '*[^0-9A-Fa-f]*'`,
    ),
  ],
);

/** staff_id of rows owned by a staff member (deleted with them). */
export function staffRef() {
  return integer("staff_id")
    .notNull()
    .references(() => staff.id, { onDelete: "cascade" });
}

/** Optional staff link, cleared when the staff member is deleted. */
export function staffLink(name = "staff_id") {
  return integer(name).references(() => staff.id, { onDelete: "set null" });
}

// What can be booked: duration, price, buffers and booking window feed the slot engine; segments make it composite.
export const services = sqliteTable(
  "services",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    name: text("name").notNull(),
    description: text("description"),
    category: text("category"),
    durationMinutes: integer("duration_minutes").notNull(),
    priceCents: integer("price_cents").notNull().default(0),
    currency: currency(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(60),
    maxAdvanceDays: integer("max_advance_days").notNull().default(90),
    slotIntervalMinutes: integer("slot_interval_minutes").notNull().default(15),
    isComposite: flag("is_composite", false),
    segments: json<ServiceSegment[]>("segments"),
    requiredResourceType: text("required_resource_type", { enum: RESOURCE_TYPES }),
    isActive: flag("is_active", true),
    isOnlineBookable: flag("is_online_bookable", true),
    calcomEventTypeId: integer("calcom_event_type_id"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("services_company_idx").on(t.companyId, t.isActive, t.sortOrder),
    check("services_duration_check", sql`${ref(t.durationMinutes)} > 0`),
    check("services_slot_interval_check", sql`${ref(t.slotIntervalMinutes)} > 0`),
    check("services_max_advance_check", sql`${ref(t.maxAdvanceDays)} > 0`),
    checkNonNegative(
      "services_non_negative_check",
      t.priceCents,
      t.bufferBeforeMinutes,
      t.bufferAfterMinutes,
      t.minNoticeMinutes,
    ),
    check(
      "services_segments_check",
      sql`(${ref(t.isComposite)} = 1 and ${ref(t.segments)} is not null) or (${ref(t.isComposite)} = 0 and ${ref(t.segments)} is null)`,
    ),
    checkCurrency("services_currency_check", t.currency),
    checkIn("services_required_resource_type_check", t.requiredResourceType, RESOURCE_TYPES),
  ],
);

/** service_id of rows owned by a service (deleted with it). */
export function serviceRef() {
  return integer("service_id")
    .notNull()
    .references(() => services.id, { onDelete: "cascade" });
}

/** Optional service link, cleared when the service is deleted. */
export function serviceLink() {
  return integer("service_id").references(() => services.id, { onDelete: "set null" });
}

// Which services a branch offers, with optional local price and duration.
export const branchServiceOffers = sqliteTable(
  "branch_service_offers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    branchId: branchRef(),
    serviceId: serviceRef(),
    isActive: flag("is_active", true),
    priceCentsOverride: integer("price_cents_override"),
    durationMinutesOverride: integer("duration_minutes_override"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("branch_service_offers_branch_service_uq").on(t.branchId, t.serviceId),
    index("branch_service_offers_company_idx").on(t.companyId, t.branchId),
    index("branch_service_offers_service_idx").on(t.serviceId),
    checkNonNegative("branch_service_offers_price_check", t.priceCentsOverride),
    check("branch_service_offers_duration_check", sql`${ref(t.durationMinutesOverride)} > 0`),
  ],
);

// Qualifications: who may perform which service, at what level, price and pace.
export const staffServices = sqliteTable(
  "staff_services",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    staffId: staffRef(),
    serviceId: serviceRef(),
    skillLevel: text("skill_level", { enum: SKILL_LEVELS }).notNull().default("regular"),
    durationMinutesOverride: integer("duration_minutes_override"),
    priceCentsOverride: integer("price_cents_override"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("staff_services_staff_service_uq").on(t.staffId, t.serviceId),
    index("staff_services_company_idx").on(t.companyId, t.serviceId),
    index("staff_services_service_idx").on(t.serviceId),
    checkIn("staff_services_skill_level_check", t.skillLevel, SKILL_LEVELS),
    checkNonNegative("staff_services_price_check", t.priceCentsOverride),
    check("staff_services_duration_check", sql`${ref(t.durationMinutesOverride)} > 0`),
  ],
);

// Rooms, chairs and equipment a service may need; each capacity unit is a calendar of its own.
export const resources = sqliteTable(
  "resources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    branchId: branchRef(),
    name: text("name").notNull(),
    type: text("type", { enum: RESOURCE_TYPES }).notNull(),
    capacity: integer("capacity").notNull().default(1),
    isActive: flag("is_active", true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("resources_company_branch_idx").on(t.companyId, t.branchId, t.type),
    checkIn("resources_type_check", t.type, RESOURCE_TYPES),
    check("resources_capacity_check", sql`${ref(t.capacity)} >= 1`),
  ],
);

// Weekly availability per staff member and branch, in the branch's local time (DST-safe by construction).
export const workingHours = sqliteTable(
  "working_hours",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    staffId: staffRef(),
    branchId: branchRef(),
    dayOfWeek: integer("day_of_week").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    breakStart: text("break_start"),
    breakEnd: text("break_end"),
    isAvailable: flag("is_available", true),
    validFrom: text("valid_from"),
    validUntil: text("valid_until"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("working_hours_company_staff_day_idx").on(t.companyId, t.staffId, t.dayOfWeek),
    index("working_hours_staff_idx").on(t.staffId),
    index("working_hours_branch_idx").on(t.branchId),
    check("working_hours_day_of_week_check", sql`${ref(t.dayOfWeek)} between 0 and 6`),
    checkLocalTime("working_hours_start_time_check", t.startTime),
    checkLocalTime("working_hours_end_time_check", t.endTime),
    check("working_hours_range_check", sql`${ref(t.startTime)} < ${ref(t.endTime)}`),
    checkLocalTime("working_hours_break_start_check", t.breakStart),
    checkLocalTime("working_hours_break_end_check", t.breakEnd),
    check(
      "working_hours_break_check",
      sql`(${ref(t.breakStart)} is null and ${ref(t.breakEnd)} is null) or (${ref(t.breakStart)} is not null and ${ref(t.breakEnd)} is not null and ${ref(t.startTime)} <= ${ref(t.breakStart)} and ${ref(t.breakStart)} < ${ref(t.breakEnd)} and ${ref(t.breakEnd)} <= ${ref(t.endTime)})`,
    ),
    checkLocalDate("working_hours_valid_from_check", t.validFrom),
    checkLocalDate("working_hours_valid_until_check", t.validUntil),
    check(
      "working_hours_validity_check",
      sql`${ref(t.validFrom)} is null or ${ref(t.validUntil)} is null or ${ref(t.validFrom)} <= ${ref(t.validUntil)}`,
    ),
  ],
);

// One-day exceptions (holidays, short days) for one staff member or, with no staff, the whole branch.
export const dateOverrides = sqliteTable(
  "date_overrides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    staffId: integer("staff_id").references(() => staff.id, { onDelete: "cascade" }),
    branchId: branchRef(),
    date: text("date").notNull(),
    isClosed: flag("is_closed", false),
    startTime: text("start_time"),
    endTime: text("end_time"),
    breakStart: text("break_start"),
    breakEnd: text("break_end"),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("date_overrides_staff_branch_date_uq").on(t.staffId, t.branchId, t.date),
    // NULLs are distinct in a UNIQUE index, so branch-wide overrides need their own.
    uniqueIndex("date_overrides_branch_date_uq")
      .on(t.branchId, t.date)
      .where(sql`${ref(t.staffId)} is null`),
    index("date_overrides_company_branch_date_idx").on(t.companyId, t.branchId, t.date),
    checkLocalDate("date_overrides_date_check", t.date),
    checkLocalTime("date_overrides_start_time_check", t.startTime),
    checkLocalTime("date_overrides_end_time_check", t.endTime),
    checkLocalTime("date_overrides_break_start_check", t.breakStart),
    checkLocalTime("date_overrides_break_end_check", t.breakEnd),
    check(
      "date_overrides_hours_check",
      sql`(${ref(t.isClosed)} = 1 and ${ref(t.startTime)} is null and ${ref(t.endTime)} is null and ${ref(t.breakStart)} is null and ${ref(t.breakEnd)} is null) or (${ref(t.isClosed)} = 0 and ${ref(t.startTime)} is not null and ${ref(t.endTime)} is not null and ${ref(t.startTime)} < ${ref(t.endTime)})`,
    ),
    check(
      "date_overrides_break_check",
      sql`(${ref(t.breakStart)} is null and ${ref(t.breakEnd)} is null) or (${ref(t.breakStart)} is not null and ${ref(t.breakEnd)} is not null and ${ref(t.startTime)} <= ${ref(t.breakStart)} and ${ref(t.breakStart)} < ${ref(t.breakEnd)} and ${ref(t.breakEnd)} <= ${ref(t.endTime)})`,
    ),
  ],
);

// Absences spanning exact instants (may cross days and DST changes); they block the staff calendar.
export const timeOff = sqliteTable(
  "time_off",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    staffId: staffRef(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    type: text("type", { enum: TIME_OFF_TYPES }).notNull().default("vacation"),
    reason: text("reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("time_off_company_staff_starts_idx").on(t.companyId, t.staffId, t.startsAt),
    index("time_off_staff_idx").on(t.staffId, t.startsAt),
    check("time_off_range_check", sql`${ref(t.endsAt)} > ${ref(t.startsAt)}`),
    checkIn("time_off_type_check", t.type, TIME_OFF_TYPES),
  ],
);

export type Staff = typeof staff.$inferSelect;
export type NewStaff = typeof staff.$inferInsert;
export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
export type BranchServiceOffer = typeof branchServiceOffers.$inferSelect;
export type NewBranchServiceOffer = typeof branchServiceOffers.$inferInsert;
export type StaffService = typeof staffServices.$inferSelect;
export type NewStaffService = typeof staffServices.$inferInsert;
export type Resource = typeof resources.$inferSelect;
export type NewResource = typeof resources.$inferInsert;
export type WorkingHour = typeof workingHours.$inferSelect;
export type NewWorkingHour = typeof workingHours.$inferInsert;
export type DateOverride = typeof dateOverrides.$inferSelect;
export type NewDateOverride = typeof dateOverrides.$inferInsert;
export type TimeOff = typeof timeOff.$inferSelect;
export type NewTimeOff = typeof timeOff.$inferInsert;
