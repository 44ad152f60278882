import { z } from "@hono/zod-openapi";
import { SKILL_LEVELS, services, staff, staffServices } from "../../../../drizzle/schema";
import { InstantSchema } from "../../http/schemas";
import type { CrudResourceConfig } from "../crud/crud-resource";
import { fiveMinuteSteps } from "../scheduling-fields";
import { queryId } from "../shared-fields";

/** Which staff member may perform which service (optionally faster, slower or at another price). */
export const QualificationSchema = z
  .object({
    id: z.number().int(),
    staff_id: z.number().int(),
    service_id: z.number().int(),
    skill_level: z.enum(SKILL_LEVELS),
    duration_minutes_override: z.number().int().nullable(),
    price_cents_override: z.number().int().nullable(),
    created_at: InstantSchema,
  })
  .openapi("Qualification");

const fields = {
  staff_id: z.number().int().positive(),
  service_id: z.number().int().positive(),
  skill_level: z.enum(SKILL_LEVELS).optional(),
  duration_minutes_override: fiveMinuteSteps(5, 720).nullable().optional(),
  price_cents_override: z.number().int().min(0).max(10_000_000).nullable().optional(),
};

export const qualificationResource: CrudResourceConfig = {
  basePath: "/api/v1/qualifications",
  tag: "Qualifications",
  resource: "staff",
  singular: "Qualification",
  table: staffServices,
  entity: QualificationSchema,
  createBody: z.object(fields).strict().openapi("QualificationCreate"),
  updateBody: z
    .object({
      skill_level: fields.skill_level,
      duration_minutes_override: fields.duration_minutes_override,
      price_cents_override: fields.price_cents_override,
    })
    .strict()
    .openapi("QualificationUpdate"),
  references: { staff_id: staff, service_id: services },
  filters: {
    staff_id: { column: staffServices.staffId, schema: queryId },
    service_id: { column: staffServices.serviceId, schema: queryId },
  },
  sortable: { id: staffServices.id, created_at: staffServices.createdAt },
  defaultSort: "id",
  examples: { create: { staff_id: 1, service_id: 2, skill_level: "senior" } },
};
