import { z } from "@hono/zod-openapi";
import { branches, staff, workingHours } from "../../../../drizzle/schema";
import { InstantSchema, LocalDateSchema, LocalTimeSchema } from "../../http/schemas";
import type { CrudResourceConfig } from "../crud/crud-resource";
import { queryBoolean, queryId } from "../shared-fields";

/** Weekly hours of one staff member at one branch; times are local to the branch's time zone. */
export const WorkingHourSchema = z
  .object({
    id: z.number().int(),
    staff_id: z.number().int(),
    branch_id: z.number().int(),
    day_of_week: z.number().int().openapi({ description: "0 = Sunday … 6 = Saturday" }),
    start_time: z.string(),
    end_time: z.string(),
    break_start: z.string().nullable(),
    break_end: z.string().nullable(),
    is_available: z.boolean(),
    valid_from: z.string().nullable(),
    valid_until: z.string().nullable(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("WorkingHour");

const times = {
  start_time: LocalTimeSchema,
  end_time: LocalTimeSchema,
  break_start: LocalTimeSchema.nullable().optional(),
  break_end: LocalTimeSchema.nullable().optional(),
};

/** Start before end; a break lies inside the day and has both ends. */
export const consistentTimes = (v: {
  start_time?: string;
  end_time?: string;
  break_start?: string | null;
  break_end?: string | null;
}) => {
  if (v.start_time && v.end_time && v.start_time >= v.end_time) return false;
  const hasStart = v.break_start != null;
  const hasEnd = v.break_end != null;
  if (hasStart !== hasEnd) return false;
  if (hasStart && hasEnd) {
    if (v.break_start! >= v.break_end!) return false;
    if (v.start_time && v.break_start! < v.start_time) return false;
    if (v.end_time && v.break_end! > v.end_time) return false;
  }
  return true;
};

export const timesMessage = {
  message: "start_time must be before end_time, and a break needs both ends inside the working time",
  path: ["end_time"],
};

const fields = {
  staff_id: z.number().int().positive(),
  branch_id: z.number().int().positive(),
  day_of_week: z.number().int().min(0).max(6),
  ...times,
  is_available: z.boolean().optional(),
  valid_from: LocalDateSchema.nullable().optional(),
  valid_until: LocalDateSchema.nullable().optional(),
};

export const workingHourResource: CrudResourceConfig = {
  basePath: "/api/v1/working-hours",
  tag: "Working hours",
  resource: "working_hours",
  singular: "Working hour",
  table: workingHours,
  entity: WorkingHourSchema,
  createBody: z
    .object(fields)
    .strict()
    .refine(consistentTimes, timesMessage)
    .openapi("WorkingHourCreate") as unknown as z.ZodObject,
  updateBody: z
    .object(fields)
    .partial()
    .strict()
    .refine(consistentTimes, timesMessage)
    .openapi("WorkingHourUpdate") as unknown as z.ZodObject,
  references: { staff_id: staff, branch_id: branches },
  filters: {
    staff_id: { column: workingHours.staffId, schema: queryId },
    branch_id: { column: workingHours.branchId, schema: queryId },
    day_of_week: { column: workingHours.dayOfWeek, schema: z.coerce.number().int().min(0).max(6) },
    is_available: { column: workingHours.isAvailable, schema: queryBoolean },
  },
  sortable: { day_of_week: workingHours.dayOfWeek, id: workingHours.id },
  defaultSort: "day_of_week",
  examples: {
    create: {
      staff_id: 1,
      branch_id: 1,
      day_of_week: 2,
      start_time: "09:00",
      end_time: "18:00",
      break_start: "13:00",
      break_end: "13:30",
    },
  },
};
