import { z } from "@hono/zod-openapi";
import { branches, branchServiceOffers, services } from "../../../../drizzle/schema";
import { InstantSchema } from "../../http/schemas";
import type { CrudResourceConfig } from "../crud/crud-resource";
import { fiveMinuteSteps } from "../scheduling-fields";
import { queryBoolean, queryId } from "../shared-fields";

/** A service offered at a branch, optionally with its own price or duration there. */
export const BranchOfferSchema = z
  .object({
    id: z.number().int(),
    branch_id: z.number().int(),
    service_id: z.number().int(),
    is_active: z.boolean(),
    price_cents_override: z.number().int().nullable(),
    duration_minutes_override: z.number().int().nullable(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("BranchOffer");

const overrides = {
  is_active: z.boolean().optional(),
  price_cents_override: z.number().int().min(0).max(10_000_000).nullable().optional(),
  duration_minutes_override: fiveMinuteSteps(5, 720).nullable().optional(),
};

export const branchOfferResource: CrudResourceConfig = {
  basePath: "/api/v1/branch-offers",
  tag: "Branch offers",
  // Which services a branch offers is service management (managers may change it).
  resource: "services",
  singular: "Branch offer",
  table: branchServiceOffers,
  entity: BranchOfferSchema,
  createBody: z
    .object({ branch_id: z.number().int().positive(), service_id: z.number().int().positive(), ...overrides })
    .strict()
    .openapi("BranchOfferCreate"),
  updateBody: z.object(overrides).strict().openapi("BranchOfferUpdate"),
  references: { branch_id: branches, service_id: services },
  filters: {
    branch_id: { column: branchServiceOffers.branchId, schema: queryId },
    service_id: { column: branchServiceOffers.serviceId, schema: queryId },
    is_active: { column: branchServiceOffers.isActive, schema: queryBoolean },
  },
  sortable: { id: branchServiceOffers.id, created_at: branchServiceOffers.createdAt },
  defaultSort: "id",
  examples: { create: { branch_id: 1, service_id: 3, price_cents_override: 3200 } },
};
