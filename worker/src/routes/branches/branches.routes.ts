import { z } from "@hono/zod-openapi";
import { count, eq, like } from "drizzle-orm";
import { branches, staff } from "../../../../drizzle/schema";
import { ApiError } from "../../http/errors";
import { InstantSchema, TimeZoneSchema } from "../../http/schemas";
import type { CrudContext, CrudResourceConfig } from "../crud/crud-resource";
import { normalizeContactPhone, queryBoolean } from "../shared-fields";

export const BranchSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    street: z.string().nullable(),
    postal_code: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    timezone: z.string(),
    is_active: z.boolean(),
    is_main: z.boolean(),
    service_radius_km: z.number().int().nullable(),
    transport_info: z.string().nullable(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("Branch");

const fields = {
  name: z.string().trim().min(1).max(120),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  street: z.string().trim().max(200).nullable().optional(),
  postal_code: z.string().trim().max(20).nullable().optional(),
  city: z.string().trim().max(120).nullable().optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "ISO 3166 alpha-2 code, e.g. DE")
    .optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  timezone: TimeZoneSchema.optional(),
  is_active: z.boolean().optional(),
  is_main: z.boolean().optional(),
  service_radius_km: z.number().int().min(0).max(1000).nullable().optional(),
  transport_info: z.string().max(1000).nullable().optional(),
};

export const BranchCreateSchema = z.object(fields).strict().openapi("BranchCreate");
export const BranchUpdateSchema = z.object(fields).partial().strict().openapi("BranchUpdate");

/** A branch with active staff still assigned cannot be deleted: move or deactivate them first. */
async function refuseWhileStaffAssigned(row: Record<string, unknown>, ctx: CrudContext): Promise<void> {
  const [assigned] = await ctx.scope.db
    .select({ n: count() })
    .from(staff)
    .where(ctx.scope.where(staff, eq(staff.branchId, row.id as number), eq(staff.isActive, true)));
  if ((assigned?.n ?? 0) > 0) {
    throw new ApiError(
      409,
      "BRANCH_IN_USE",
      "The branch still has active staff; move or deactivate them first",
      {
        active_staff: assigned?.n,
      },
    );
  }
}

export const branchResource: CrudResourceConfig = {
  basePath: "/api/v1/branches",
  tag: "Branches",
  resource: "branches",
  singular: "Branch",
  table: branches,
  entity: BranchSchema,
  createBody: BranchCreateSchema,
  updateBody: BranchUpdateSchema,
  filters: { is_active: { column: branches.isActive, schema: queryBoolean } },
  sortable: { name: branches.name, created_at: branches.createdAt, id: branches.id },
  defaultSort: "name",
  search: (q) => like(branches.name, `%${q}%`),
  beforeCreate: normalizeContactPhone,
  beforeDelete: refuseWhileStaffAssigned,
  beforeUpdate: (values, _existing, ctx) => normalizeContactPhone(values, ctx),
  examples: {
    create: {
      name: "Salon Schnittpunkt Mitte",
      phone: "030 1234567",
      street: "Friedrichstraße 100",
      postal_code: "10117",
      city: "Berlin",
      country: "DE",
      timezone: "Europe/Berlin",
    },
  },
};
