import { z } from "@hono/zod-openapi";
import { like } from "drizzle-orm";
import { branches, RESOURCE_TYPES, resources } from "../../../../drizzle/schema";
import { InstantSchema } from "../../http/schemas";
import { refuseStrandingBookings } from "../../services/resources/resource-guards";
import type { CrudContext, CrudResourceConfig } from "../crud/crud-resource";
import { queryBoolean, queryId } from "../shared-fields";

/**
 * Rooms, chairs and equipment a service may need (services.required_resource_type). Each unit of
 * capacity is a calendar of its own, so two clients can share a room of capacity 2 but never a
 * chair. Managed by whoever manages services (the `services` permission family): a resource is
 * part of how a service is offered.
 */
export const ResourceSchema = z
  .object({
    id: z.number().int(),
    branch_id: z.number().int(),
    name: z.string(),
    type: z.enum(RESOURCE_TYPES),
    capacity: z.number().int(),
    is_active: z.boolean(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("Resource");

const fields = {
  branch_id: z.number().int().positive(),
  name: z.string().trim().min(1).max(120),
  type: z.enum(RESOURCE_TYPES).openapi({ description: "What services ask for (required_resource_type)." }),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(50)
    .openapi({ description: "How many appointments may use it at once (each unit is its own calendar)." }),
  is_active: z.boolean(),
};

/** How many of its units (0, 1, …) keep serving the resource's upcoming bookings after a change. */
function unitsKept(values: Record<string, unknown>, existing: Record<string, unknown>): number {
  const movesAway =
    (values.branchId !== undefined && values.branchId !== existing.branchId) ||
    (values.type !== undefined && values.type !== existing.type);
  return movesAway ? 0 : ((values.capacity as number | undefined) ?? (existing.capacity as number));
}

export const resourceResource: CrudResourceConfig = {
  basePath: "/api/v1/resources",
  tag: "Resources",
  resource: "services",
  singular: "Resource",
  table: resources,
  entity: ResourceSchema,
  createBody: z
    .object({ ...fields, capacity: fields.capacity.optional(), is_active: fields.is_active.optional() })
    .strict()
    .openapi("ResourceCreate"),
  updateBody: z
    .object({
      branch_id: fields.branch_id.optional(),
      name: fields.name.optional(),
      type: fields.type.optional(),
      capacity: fields.capacity.optional(),
      is_active: fields.is_active.optional(),
    })
    .strict()
    .openapi("ResourceUpdate"),
  references: { branch_id: branches },
  filters: {
    branch_id: { column: resources.branchId, schema: queryId },
    type: { column: resources.type, schema: z.enum(RESOURCE_TYPES) },
    is_active: { column: resources.isActive, schema: queryBoolean },
  },
  sortable: { name: resources.name, id: resources.id, created_at: resources.createdAt },
  defaultSort: "name",
  search: (q) => like(resources.name, `%${q}%`),
  beforeUpdate: async (values, existing, ctx) => {
    await refuseStrandingBookings(ctx.scope, existing.id as number, unitsKept(values, existing));
    return values;
  },
  beforeDelete: (existing, ctx: CrudContext) => refuseStrandingBookings(ctx.scope, existing.id as number, 0),
  examples: { create: { branch_id: 1, name: "Behandlungsraum 1", type: "room", capacity: 1 } },
};
