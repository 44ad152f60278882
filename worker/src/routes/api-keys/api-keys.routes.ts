import { createRoute, z } from "@hono/zod-openapi";
import { isNotNull, isNull } from "drizzle-orm";
import { apiKeys } from "../../../../drizzle/schema";
import { roleNameById } from "../../auth/role-lookup";
import { IdParamSchema, InstantSchema, itemResponseSchema, standardErrors } from "../../http/schemas";
import type { CrudResourceConfig } from "../crud/crud-resource";
import { guard, SECURED } from "../guards";
import { queryBoolean } from "../shared-fields";

/** Roles a partner key can act with. */
export const API_KEY_ROLES = ["admin", "manager", "receptionist", "staff"] as const;
export const DEFAULT_API_KEY_DAYS = 90;

export const ApiKeySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z
      .string()
      .openapi({ description: "Visible part of the key, to tell keys apart", example: "k3x9q2m7ab" }),
    role: z.enum(API_KEY_ROLES),
    expires_at: InstantSchema,
    last_used_at: InstantSchema.nullable(),
    revoked_at: InstantSchema.nullable(),
    created_at: InstantSchema,
  })
  .openapi("ApiKey");

export const ApiKeyCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(120).openapi({ example: "Buchungs-Widget Website" }),
    role: z.enum(API_KEY_ROLES).default("admin"),
    expires_in_days: z.number().int().min(1).max(365).default(DEFAULT_API_KEY_DAYS),
  })
  .strict()
  .openapi("ApiKeyCreate");

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({
    description: "The full key. It is shown only in this response and cannot be recovered later.",
    example: "tek_k3x9q2m7ab_Vb1cR0hZ6rU2JmE5pQ8sX4wT9yA3nK7dL0fG2hJ5kM8",
  }),
}).openapi("CreatedApiKey");

/** List, get and rename go through the generic resource; create and revoke are custom below. */
export const apiKeyResource: CrudResourceConfig = {
  basePath: "/api/v1/api-keys",
  tag: "API keys",
  resource: "api_keys",
  singular: "API key",
  table: apiKeys,
  entity: ApiKeySchema,
  createBody: ApiKeyCreateSchema,
  updateBody: z
    .object({ name: z.string().trim().min(1).max(120) })
    .strict()
    .openapi("ApiKeyUpdate"),
  omit: ["create", "delete"],
  present: async (row, ctx) => ({ ...row, role: await roleNameById(ctx.scope.db, row.roleId as number) }),
  filters: {
    revoked: {
      schema: queryBoolean,
      where: (revoked: boolean) => (revoked ? isNotNull(apiKeys.revokedAt) : isNull(apiKeys.revokedAt)),
    },
  },
  sortable: { created_at: apiKeys.createdAt, id: apiKeys.id },
  defaultSort: "-created_at",
};

export const createApiKeyRoute = createRoute({
  method: "post",
  path: "/api/v1/api-keys",
  operationId: "createApiKey",
  tags: ["API keys"],
  summary: "Create an API key (the key is shown once)",
  description: `Keys expire after ${DEFAULT_API_KEY_DAYS} days unless told otherwise. Several keys may be active at once, so a partner can rotate: create the new key, deploy it, then revoke the old one.`,
  security: SECURED,
  middleware: guard("create_api_keys"),
  request: { body: { required: true, content: { "application/json": { schema: ApiKeyCreateSchema } } } },
  responses: {
    201: {
      description: "Created; store the key now",
      content: {
        "application/json": { schema: itemResponseSchema(CreatedApiKeySchema, "CreatedApiKeyResponse") },
      },
    },
    ...standardErrors,
  },
});

export const revokeApiKeyRoute = createRoute({
  method: "delete",
  path: "/api/v1/api-keys/{id}",
  operationId: "revokeApiKey",
  tags: ["API keys"],
  summary: "Revoke an API key (it stops working at once)",
  security: SECURED,
  middleware: guard("delete_api_keys"),
  request: { params: IdParamSchema },
  responses: {
    200: {
      description: "Revoked",
      content: { "application/json": { schema: itemResponseSchema(ApiKeySchema, "RevokedApiKeyResponse") } },
    },
    401: standardErrors[401],
    403: standardErrors[403],
    404: standardErrors[404],
  },
});
