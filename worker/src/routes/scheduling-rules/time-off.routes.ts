import { z } from "@hono/zod-openapi";
import { staff, TIME_OFF_TYPES, timeOff } from "../../../../drizzle/schema";
import { InstantSchema } from "../../http/schemas";
import type { CrudResourceConfig } from "../crud/crud-resource";
import { queryId } from "../shared-fields";

/** Absences (vacation, sickness, training) as exact instants. */
export const TimeOffSchema = z
  .object({
    id: z.number().int(),
    staff_id: z.number().int(),
    starts_at: InstantSchema,
    ends_at: InstantSchema,
    type: z.enum(TIME_OFF_TYPES),
    reason: z.string().nullable(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("TimeOff");

const fields = {
  staff_id: z.number().int().positive(),
  starts_at: InstantSchema,
  ends_at: InstantSchema,
  type: z.enum(TIME_OFF_TYPES).optional(),
  reason: z.string().max(500).nullable().optional(),
};

const ordered = (v: { starts_at?: string; ends_at?: string }) =>
  !v.starts_at || !v.ends_at || Date.parse(v.ends_at) > Date.parse(v.starts_at);
const orderMessage = { message: "ends_at must be after starts_at", path: ["ends_at"] };

export const timeOffResource: CrudResourceConfig = {
  basePath: "/api/v1/time-off",
  tag: "Time off",
  resource: "time_off",
  singular: "Time off",
  table: timeOff,
  entity: TimeOffSchema,
  createBody: z
    .object(fields)
    .strict()
    .refine(ordered, orderMessage)
    .openapi("TimeOffCreate") as unknown as z.ZodObject,
  updateBody: z
    .object(fields)
    .partial()
    .strict()
    .refine(ordered, orderMessage)
    .openapi("TimeOffUpdate") as unknown as z.ZodObject,
  references: { staff_id: staff },
  instantFields: ["starts_at", "ends_at"],
  filters: { staff_id: { column: timeOff.staffId, schema: queryId } },
  sortable: { starts_at: timeOff.startsAt, id: timeOff.id },
  defaultSort: "-starts_at",
  examples: {
    create: {
      staff_id: 1,
      starts_at: "2026-12-24T00:00:00+01:00",
      ends_at: "2026-12-27T00:00:00+01:00",
      type: "vacation",
    },
  },
};
