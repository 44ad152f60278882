import { z } from "@hono/zod-openapi";
import { like, or } from "drizzle-orm";
import { branches, staff, users } from "../../../../drizzle/schema";
import { InstantSchema } from "../../http/schemas";
import type { CrudResourceConfig } from "../crud/crud-resource";
import { normalizeContactPhone, queryBoolean, queryId } from "../shared-fields";

export const StaffSchema = z
  .object({
    id: z.number().int(),
    branch_id: z.number().int(),
    user_id: z.number().int().nullable(),
    first_name: z.string(),
    last_name: z.string(),
    display_name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    color: z.string().nullable(),
    is_active: z.boolean(),
    is_bookable: z.boolean(),
    calcom_user_id: z.number().int().nullable(),
    notes: z.string().nullable(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("Staff");

const fields = {
  branch_id: z.number().int().positive(),
  user_id: z.number().int().positive().nullable().optional(),
  first_name: z.string().trim().min(1).max(80),
  last_name: z.string().trim().max(80).default(""),
  display_name: z.string().trim().min(1).max(120).optional(),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "Hex colour like #3366ff")
    .nullable()
    .optional(),
  is_active: z.boolean().optional(),
  is_bookable: z.boolean().optional(),
  calcom_user_id: z.number().int().positive().nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
};

export const StaffCreateSchema = z.object(fields).strict().openapi("StaffCreate");
export const StaffUpdateSchema = z
  .object({ ...fields, last_name: z.string().trim().max(80) })
  .partial()
  .strict()
  .openapi("StaffUpdate");

export const staffResource: CrudResourceConfig = {
  basePath: "/api/v1/staff",
  tag: "Staff",
  resource: "staff",
  singular: "Staff member",
  table: staff,
  entity: StaffSchema,
  createBody: StaffCreateSchema,
  updateBody: StaffUpdateSchema,
  references: { branch_id: branches, user_id: users as never },
  filters: {
    branch_id: { column: staff.branchId, schema: queryId },
    is_active: { column: staff.isActive, schema: queryBoolean },
    is_bookable: { column: staff.isBookable, schema: queryBoolean },
  },
  sortable: { display_name: staff.displayName, created_at: staff.createdAt, id: staff.id },
  defaultSort: "display_name",
  search: (q) => or(like(staff.displayName, `%${q}%`), like(staff.email, `%${q}%`)),
  beforeCreate: (values, ctx) =>
    normalizeContactPhone(
      { ...values, displayName: values.displayName ?? `${values.firstName} ${values.lastName ?? ""}`.trim() },
      ctx,
    ),
  beforeUpdate: (values, _existing, ctx) => normalizeContactPhone(values, ctx),
  examples: { create: { branch_id: 1, first_name: "Anna", last_name: "Schmidt", color: "#e07a5f" } },
};
