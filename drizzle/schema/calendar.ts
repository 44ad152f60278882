import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, instant, ref } from "./columns";
import { resources, staff } from "./staff";
import { companyRef } from "./tenancy";

// Short-lived reservations (a slot offered to a caller, the parts of a composite booking before
// they commit). The StaffCalendar object of each calendar owns them; this copy lets availability
// read every calendar's holds in one query. Rows past expires_at mean nothing and are swept.
export const calendarHolds = sqliteTable(
  "calendar_holds",
  {
    id: text("id").primaryKey(),
    companyId: companyRef(),
    // 'staff:{id}' or 'resource:{id}'.
    calendarKey: text("calendar_key").notNull(),
    staffId: integer("staff_id").references(() => staff.id, { onDelete: "cascade" }),
    resourceId: integer("resource_id").references(() => resources.id, { onDelete: "cascade" }),
    // The occupied span, buffers included.
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    // Holds taken together (one voice call's offers, one composite booking) share a group.
    groupId: text("group_id"),
    // The Retell call that asked for it, so call_ended can release its holds.
    callId: text("call_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("calendar_holds_company_calendar_idx").on(t.companyId, t.calendarKey, t.expiresAt),
    // Availability reads the live holds of the qualified staff (not every hold of the company).
    index("calendar_holds_company_staff_idx").on(t.companyId, t.staffId, t.expiresAt),
    index("calendar_holds_group_idx").on(t.groupId),
    index("calendar_holds_call_idx").on(t.callId),
    index("calendar_holds_expires_idx").on(t.expiresAt),
    check("calendar_holds_range_check", sql`${ref(t.endsAt)} > ${ref(t.startsAt)}`),
  ],
);

export type CalendarHold = typeof calendarHolds.$inferSelect;
export type NewCalendarHold = typeof calendarHolds.$inferInsert;

// Assertions inside a D1 batch: a statement inserts a 0 here when a condition the batch depends on
// does not hold (say, "all 6 occurrences were updated"), the CHECK fails and D1 rolls the whole
// batch back. Nothing is ever stored.
export const batchAssertions = sqliteTable(
  "batch_assertions",
  {
    ok: integer("ok").notNull(),
  },
  (t) => [check("batch_assertions_ok_check", sql`${ref(t.ok)} = 1`)],
);
