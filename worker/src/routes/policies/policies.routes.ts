import { z } from "@hono/zod-openapi";
import {
  branches,
  CONFIGURABLE_TYPES,
  POLICY_TYPES,
  policyConfigurations,
  services,
  staff,
} from "../../../../drizzle/schema";
import type { TenantTable } from "../../db/tenant-scope";
import {
  CancellationPolicyOverrideSchema,
  fromStoredConfig,
  RecurringPolicyOverrideSchema,
  ReschedulePolicyOverrideSchema,
  toStoredConfig,
} from "../../domain/policy";
import { invalidFields } from "../../http/errors";
import { InstantSchema } from "../../http/schemas";
import { fieldErrors } from "../../http/validation";
import type { CrudContext, CrudResourceConfig } from "../crud/crud-resource";
import { queryBoolean } from "../shared-fields";

/**
 * Cancellation, reschedule and recurring policies per company, branch, service or staff member.
 * A level stores only the fields it overrides; the effective policy of an appointment is resolved
 * Staff → Service → Branch → Company → built-in default, field by field.
 */
export const PolicySchema = z
  .object({
    id: z.number().int(),
    configurable_type: z.enum(CONFIGURABLE_TYPES),
    configurable_id: z.number().int(),
    policy_type: z.enum(POLICY_TYPES),
    config: z.record(z.string(), z.unknown()).openapi({
      example: { min_hours_notice: 24, fee_cents: 1500, violation_action: "charge_fee" },
      description: "The fields this level overrides (snake_case; see the policy type's fields)",
    }),
    is_active: z.boolean(),
    description: z.string().nullable(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("Policy");

const TARGET_TABLES: Record<(typeof CONFIGURABLE_TYPES)[number], TenantTable | null> = {
  company: null,
  branch: branches,
  service: services,
  staff,
};

type Values = Record<string, unknown>;

const OVERRIDE_SCHEMAS = {
  cancellation: CancellationPolicyOverrideSchema,
  reschedule: ReschedulePolicyOverrideSchema,
  recurring: RecurringPolicyOverrideSchema,
} as const;

/** The config must fit its policy type, and the target must be one of the caller's records. */
async function validatePolicy(values: Values, existing: Values | null, ctx: CrudContext): Promise<Values> {
  const type = (values.policyType ?? existing?.policyType) as (typeof POLICY_TYPES)[number];
  const out = { ...values };
  if (values.config !== undefined) {
    const parsed = OVERRIDE_SCHEMAS[type].safeParse(values.config);
    if (!parsed.success) throw invalidFields(fieldErrors(parsed.error.issues, "body.config"));
    out.config = toStoredConfig(type, parsed.data as Values);
  }
  const level = (values.configurableType ??
    existing?.configurableType) as (typeof CONFIGURABLE_TYPES)[number];
  const targetId = (values.configurableId ?? existing?.configurableId) as number;
  const table = TARGET_TABLES[level];
  const owned = table
    ? (await ctx.scope.db.select({ id: table.id }).from(table).where(ctx.scope.byId(table, targetId)))
        .length > 0
    : targetId === ctx.scope.companyId;
  if (!owned) throw invalidFields({ "body.configurable_id": [`Unknown ${level}`] });
  return out;
}

export const policyResource: CrudResourceConfig = {
  basePath: "/api/v1/policies",
  tag: "Policies",
  resource: "policies",
  singular: "Policy",
  table: policyConfigurations,
  entity: PolicySchema,
  createBody: z
    .object({
      configurable_type: z.enum(CONFIGURABLE_TYPES),
      configurable_id: z.number().int().positive(),
      policy_type: z.enum(POLICY_TYPES),
      config: z.record(z.string(), z.unknown()),
      is_active: z.boolean().optional(),
      description: z.string().max(500).nullable().optional(),
    })
    .strict()
    .openapi("PolicyCreate"),
  updateBody: z
    .object({
      config: z.record(z.string(), z.unknown()).optional(),
      is_active: z.boolean().optional(),
      description: z.string().max(500).nullable().optional(),
    })
    .strict()
    .openapi("PolicyUpdate"),
  filters: {
    policy_type: { column: policyConfigurations.policyType, schema: z.enum(POLICY_TYPES) },
    configurable_type: { column: policyConfigurations.configurableType, schema: z.enum(CONFIGURABLE_TYPES) },
    is_active: { column: policyConfigurations.isActive, schema: queryBoolean },
  },
  sortable: { id: policyConfigurations.id, created_at: policyConfigurations.createdAt },
  defaultSort: "id",
  beforeCreate: (values, ctx) => validatePolicy(values, null, ctx),
  beforeUpdate: (values, existing, ctx) => validatePolicy(values, existing, ctx),
  present: (row) => ({
    ...row,
    config: fromStoredConfig(row.policyType as (typeof POLICY_TYPES)[number], row.config),
  }),
  examples: {
    create: {
      configurable_type: "company",
      configurable_id: 1,
      policy_type: "cancellation",
      config: {
        min_hours_notice: 24,
        max_free_cancellations_per_month: 2,
        violation_action: "charge_fee",
        fee_cents: 1500,
      },
    },
  },
};
