import type { OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import { type Company, companies } from "../../../../drizzle/schema";
import { encryptSecret } from "../../auth/encryption";
import type { Principal } from "../../auth/principal";
import type { AppEnv } from "../../http/app-env";
import { ApiError, notFound } from "../../http/errors";
import { cursorCondition, encodeCursor, keysetOrder } from "../crud/list-query";
import { camel, toApiObject } from "../crud/row-mapping";
import {
  CompanySchema,
  createCompanyRoute,
  deleteCompanyRoute,
  getCompanyRoute,
  listCompaniesRoute,
  updateCompanyRoute,
} from "./companies.routes";

/**
 * Companies are the tenant boundary itself: a super admin reaches every company, everyone else
 * only their own (another company's id answers 404, like a missing one).
 */
function visibleTo(principal: Principal, id?: number): SQL {
  return and(
    isNull(companies.deletedAt),
    principal.isSuperAdmin ? undefined : eq(companies.id, principal.companyId ?? -1),
    id === undefined ? undefined : eq(companies.id, id),
  )!;
}

const present = (row: Company) =>
  toApiObject(
    { ...row, hasCalcomApiKey: Boolean(row.calcomApiKeyEnc), hasRetellApiKey: Boolean(row.retellApiKeyEnc) },
    CompanySchema,
  );

/** Moves write-only credentials from the body into their encrypted columns. */
async function columnValues(body: Record<string, unknown>, encryptionKey: string) {
  const secrets: Record<string, string> = {
    calcom_api_key: "calcomApiKeyEnc",
    calcom_webhook_secret: "calcomWebhookSecretEnc",
    retell_api_key: "retellApiKeyEnc",
  };
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const secretColumn = secrets[key];
    if (secretColumn)
      values[secretColumn] = value === null ? null : await encryptSecret(value as string, encryptionKey);
    else values[camel(key)] = value;
  }
  return values;
}

export function registerCompanyHandlers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listCompaniesRoute, async (c) => {
    const query = c.req.valid("query");
    const sortKey = query.sort.replace(/^-/, "") as "name" | "created_at" | "id";
    const column = { name: companies.name, created_at: companies.createdAt, id: companies.id }[sortKey];
    const keyset = { column, idColumn: companies.id, descending: query.sort.startsWith("-") };
    const rows = await c
      .get("db")
      .select()
      .from(companies)
      .where(and(visibleTo(c.get("principal")), cursorCondition(keyset, query.cursor)))
      .orderBy(...keysetOrder(keyset))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const hasMore = rows.length > query.limit;
    return c.json(
      {
        success: true as const,
        data: page.map(present),
        pagination: {
          next_cursor: hasMore && last ? encodeCursor(last[camel(sortKey) as keyof Company], last.id) : null,
          has_more: hasMore,
          limit: query.limit,
        },
      },
      200,
    );
  });

  app.openapi(getCompanyRoute, async (c) => {
    const [row] = await c
      .get("db")
      .select()
      .from(companies)
      .where(visibleTo(c.get("principal"), c.req.valid("param").id));
    if (!row) throw notFound("Company");
    return c.json({ success: true as const, data: present(row) }, 200);
  });

  app.openapi(createCompanyRoute, async (c) => {
    const principal = c.get("principal");
    const { tenant_id, ...body } = c.req.valid("json");
    const tenantId = tenant_id ?? principal.tenantId;
    if (tenantId === null) {
      throw new ApiError(422, "VALIDATION_ERROR", "Validation failed", {
        fields: { "body.tenant_id": ["Required"] },
      });
    }
    const values = await columnValues(body, c.env.ENCRYPTION_KEY);
    const [row] = await c
      .get("db")
      .insert(companies)
      .values({ ...(values as { name: string; slug: string }), tenantId })
      .returning();
    return c.json({ success: true as const, data: present(row!) }, 201);
  });

  app.openapi(updateCompanyRoute, async (c) => {
    const { id } = c.req.valid("param");
    const values = await columnValues(c.req.valid("json"), c.env.ENCRYPTION_KEY);
    const [row] = await c
      .get("db")
      .update(companies)
      .set({ ...values, updatedAt: new Date() })
      .where(visibleTo(c.get("principal"), id))
      .returning();
    if (!row) throw notFound("Company");
    return c.json({ success: true as const, data: present(row) }, 200);
  });

  app.openapi(deleteCompanyRoute, async (c) => {
    const { id } = c.req.valid("param");
    const [row] = await c
      .get("db")
      .update(companies)
      .set({ deletedAt: new Date(), isActive: false })
      .where(visibleTo(c.get("principal"), id))
      .returning({ id: companies.id });
    if (!row) throw notFound("Company");
    return c.json({ success: true as const, data: { id, deleted: true as const } }, 200);
  });
}
