import { z } from "@hono/zod-openapi";
import { gte, lte } from "drizzle-orm";
import { branches, dateOverrides, staff } from "../../../../drizzle/schema";
import { invalidFields } from "../../http/errors";
import { InstantSchema, LocalDateSchema, LocalTimeSchema } from "../../http/schemas";
import type { CrudResourceConfig } from "../crud/crud-resource";
import { camel } from "../crud/row-mapping";
import { queryId } from "../shared-fields";
import { consistentTimes, timesMessage } from "./working-hours.routes";

/**
 * One day that differs from the weekly hours (a holiday, a late opening, a training day): closed,
 * or open at other times, for one staff member at one branch, or for the whole branch when
 * `staff_id` is null. Times are local to the branch's time zone.
 */
export const DateOverrideSchema = z
  .object({
    id: z.number().int(),
    staff_id: z.number().int().nullable().openapi({ description: "null: the whole branch" }),
    branch_id: z.number().int(),
    date: z.string().openapi({ example: "2026-12-24" }),
    is_closed: z.boolean(),
    start_time: z.string().nullable(),
    end_time: z.string().nullable(),
    break_start: z.string().nullable(),
    break_end: z.string().nullable(),
    reason: z.string().nullable(),
    created_at: InstantSchema,
  })
  .openapi("DateOverride");

const fields = {
  staff_id: z.number().int().positive().nullable().optional(),
  branch_id: z.number().int().positive(),
  date: LocalDateSchema,
  is_closed: z.boolean().optional(),
  start_time: LocalTimeSchema.nullable().optional(),
  end_time: LocalTimeSchema.nullable().optional(),
  break_start: LocalTimeSchema.nullable().optional(),
  break_end: LocalTimeSchema.nullable().optional(),
  reason: z.string().max(500).nullable().optional(),
};

/** The fields that say a day's hours; a closed day has none of the times. */
const TIMES = ["start_time", "end_time", "break_start", "break_end"] as const;
type Hours = { is_closed?: boolean | undefined } & {
  [K in (typeof TIMES)[number]]?: string | null | undefined;
};

/**
 * Why a day's values do not fit together, by field; empty when they do. A closed day has no
 * times; an open one has a start before its end, and a break (both ends) inside them.
 */
function overrideProblems(v: Hours): Record<string, string> {
  if (v.is_closed === true) {
    const timed = TIMES.filter((k) => v[k] != null);
    return Object.fromEntries(timed.map((k) => [k, "A closed day has no times"]));
  }
  if (v.start_time == null || v.end_time == null) {
    const missing = (["start_time", "end_time"] as const).filter((k) => v[k] == null);
    return Object.fromEntries(missing.map((k) => [k, "Required unless is_closed is true"]));
  }
  const { start_time, end_time, break_start, break_end } = v;
  return consistentTimes({ start_time, end_time, break_start, break_end })
    ? {}
    : { [timesMessage.path[0]!]: timesMessage.message };
}

/** A stored row's hours under their API names. */
const asHours = (row: Record<string, unknown>): Hours =>
  Object.fromEntries(["is_closed", ...TIMES].map((field) => [field, row[camel(field)]]));

export const dateOverrideResource: CrudResourceConfig = {
  basePath: "/api/v1/date-overrides",
  tag: "Date overrides",
  // Who may change the weekly hours may change a day of them.
  resource: "working_hours",
  singular: "Date override",
  table: dateOverrides,
  entity: DateOverrideSchema,
  createBody: z
    .object(fields)
    .strict()
    .superRefine((v, ctx) => {
      for (const [field, message] of Object.entries(overrideProblems(v)))
        ctx.addIssue({ code: "custom", path: [field], message });
    })
    .openapi("DateOverrideCreate") as unknown as z.ZodObject,
  // Checked against the stored day in beforeUpdate: a change of one field must fit the others.
  updateBody: z.object(fields).partial().strict().openapi("DateOverrideUpdate") as unknown as z.ZodObject,
  references: { staff_id: staff, branch_id: branches },
  beforeUpdate: (values, existing) => {
    // Closing a day clears its times; opening one needs them (sent now or kept from before).
    const next =
      values.isClosed === true
        ? { ...Object.fromEntries(TIMES.map((field) => [camel(field), null])), ...values }
        : values;
    const problems = Object.entries(overrideProblems(asHours({ ...existing, ...next })));
    if (problems.length > 0)
      throw invalidFields(
        Object.fromEntries(problems.map(([field, message]) => [`body.${field}`, [message]])),
      );
    return next;
  },
  filters: {
    staff_id: { column: dateOverrides.staffId, schema: queryId },
    branch_id: { column: dateOverrides.branchId, schema: queryId },
    from: { where: (date: string) => gte(dateOverrides.date, date), schema: LocalDateSchema },
    to: { where: (date: string) => lte(dateOverrides.date, date), schema: LocalDateSchema },
  },
  sortable: { date: dateOverrides.date, id: dateOverrides.id },
  defaultSort: "date",
  examples: {
    create: { branch_id: 1, date: "2026-12-24", is_closed: true, reason: "Heiligabend" },
  },
};
