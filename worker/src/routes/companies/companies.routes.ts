import { createRoute, z } from "@hono/zod-openapi";
import { DRIFT_STRATEGIES } from "../../../../drizzle/schema";
import {
  IdParamSchema,
  InstantSchema,
  itemResponseSchema,
  listResponseSchema,
  standardErrors,
  TimeZoneSchema,
} from "../../http/schemas";
import { listQuerySchema } from "../crud/list-query";
import { guard, SECURED } from "../guards";

/** A company as the API shows it: credentials are write-only, only their presence is visible. */
export const CompanySchema = z
  .object({
    id: z.number().int(),
    tenant_id: z.number().int(),
    name: z.string(),
    slug: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    country: z.string(),
    timezone: z.string(),
    locale: z.string(),
    currency: z.string(),
    balance_cents: z.number().int(),
    is_active: z.boolean(),
    drift_strategy: z.enum(DRIFT_STRATEGIES),
    hold_ttl_seconds: z.number().int(),
    calcom_team_id: z.number().int().nullable(),
    has_calcom_api_key: z.boolean(),
    has_retell_api_key: z.boolean(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("Company");

const editable = {
  name: z.string().trim().min(1).max(160),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "ISO 3166 alpha-2 code, e.g. DE")
    .optional(),
  timezone: TimeZoneSchema.optional(),
  locale: z.enum(["de", "en"]).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  is_active: z.boolean().optional(),
  drift_strategy: z.enum(DRIFT_STRATEGIES).optional(),
  hold_ttl_seconds: z.number().int().min(60).max(3600).optional(),
  calcom_team_id: z.number().int().positive().nullable().optional(),
  calcom_api_key: z
    .string()
    .min(8)
    .max(200)
    .nullable()
    .optional()
    .openapi({ description: "Write-only; stored encrypted" }),
  calcom_webhook_secret: z
    .string()
    .min(8)
    .max(200)
    .nullable()
    .optional()
    .openapi({ description: "Write-only; stored encrypted" }),
  retell_api_key: z
    .string()
    .min(8)
    .max(200)
    .nullable()
    .optional()
    .openapi({ description: "Write-only; stored encrypted" }),
};

export const CompanyCreateSchema = z
  .object({
    ...editable,
    slug: z.string().regex(/^[a-z0-9-]{2,60}$/, "lowercase letters, digits and dashes"),
    tenant_id: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: "Defaults to the caller's tenant" }),
  })
  .strict()
  .openapi("CompanyCreate");
export const CompanyUpdateSchema = z.object(editable).partial().strict().openapi("CompanyUpdate");

const ItemResponse = itemResponseSchema(CompanySchema, "CompanyResponse");
const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const listCompaniesRoute = createRoute({
  method: "get",
  path: "/api/v1/companies",
  operationId: "listCompanies",
  tags: ["Companies"],
  summary: "List companies (a super admin sees all, everyone else only their own)",
  security: SECURED,
  middleware: guard("view_companies"),
  request: { query: listQuerySchema(["name", "created_at", "id"], "name") },
  responses: {
    200: { description: "Companies", content: json(listResponseSchema(CompanySchema, "CompanyList")) },
    ...standardErrors,
  },
});

export const getCompanyRoute = createRoute({
  method: "get",
  path: "/api/v1/companies/{id}",
  operationId: "getCompany",
  tags: ["Companies"],
  summary: "Get a company",
  security: SECURED,
  middleware: guard("view_companies"),
  request: { params: IdParamSchema },
  responses: { 200: { description: "The company", content: json(ItemResponse) }, ...standardErrors },
});

export const createCompanyRoute = createRoute({
  method: "post",
  path: "/api/v1/companies",
  operationId: "createCompany",
  tags: ["Companies"],
  summary: "Create a company (super admin)",
  security: SECURED,
  middleware: guard("create_companies"),
  request: {
    body: {
      required: true,
      content: json(
        CompanyCreateSchema.openapi({
          example: { name: "Friseur Haarmonie", slug: "haarmonie", timezone: "Europe/Vienna", country: "AT" },
        }),
      ),
    },
  },
  responses: {
    201: { description: "Created", content: json(ItemResponse) },
    ...standardErrors,
    409: { description: "Slug taken", content: standardErrors[400].content },
  },
});

export const updateCompanyRoute = createRoute({
  method: "patch",
  path: "/api/v1/companies/{id}",
  operationId: "updateCompany",
  tags: ["Companies"],
  summary: "Change a company (super admin, or an admin for their own company)",
  security: SECURED,
  middleware: guard("edit_companies"),
  request: { params: IdParamSchema, body: { required: true, content: json(CompanyUpdateSchema) } },
  responses: { 200: { description: "Updated", content: json(ItemResponse) }, ...standardErrors },
});

export const deleteCompanyRoute = createRoute({
  method: "delete",
  path: "/api/v1/companies/{id}",
  operationId: "deleteCompany",
  tags: ["Companies"],
  summary: "Deactivate and soft-delete a company (super admin)",
  security: SECURED,
  middleware: guard("delete_companies"),
  request: { params: IdParamSchema },
  responses: {
    200: {
      description: "Deleted",
      content: json(
        z.object({
          success: z.literal(true),
          data: z.object({ id: z.number().int(), deleted: z.literal(true) }),
        }),
      ),
    },
    ...standardErrors,
  },
});
