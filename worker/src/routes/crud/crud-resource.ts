import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Context } from "hono";
import type { Resource } from "../../auth/roles";
import type { TenantScope, TenantTable } from "../../db/tenant-scope";
import type { AppEnv } from "../../http/app-env";
import { invalidFields, notFound } from "../../http/errors";
import { IdParamSchema, itemResponseSchema, listResponseSchema, standardErrors } from "../../http/schemas";
import { tenantScope } from "../../middleware/authorize";
import { guard, SECURED } from "../guards";
import { cursorCondition, encodeCursor, keysetOrder, listQuerySchema } from "./list-query";
import { camel, toApiObject, toRowValues } from "./row-mapping";

type Row = Record<string, unknown>;

export interface CrudContext {
  c: Context<AppEnv>;
  scope: TenantScope;
}

export interface CrudResourceConfig {
  /** e.g. "/api/v1/branches" */
  basePath: string;
  tag: string;
  /** Permission family: view_/create_/edit_/delete_<resource>. */
  resource: Resource;
  /** Human name of one record, for messages and OpenAPI names ("Branch"). */
  singular: string;
  table: TenantTable;
  /** Response schema of one record (snake_case); its keys are exactly what the API returns. */
  entity: z.ZodObject;
  createBody: z.ZodObject;
  updateBody: z.ZodObject;
  /** List filters: query name → schema, and a column to compare for equality or a custom condition. */
  filters?: Record<
    string,
    { schema: z.ZodType } & ({ column: SQLiteColumn } | { where: (value: never) => SQL })
  >;
  /** Sortable fields (not-null columns only, so keyset pagination is exact). */
  sortable: Record<string, SQLiteColumn>;
  defaultSort: string;
  /** Free-text search for `?q=`. */
  search?: (q: string, ctx: CrudContext) => SQL | undefined | Promise<SQL | undefined>;
  /** Body fields holding ids of other tenant-owned records; each must belong to the caller's company. */
  references?: Record<string, TenantTable>;
  /** Body fields that are instants (ISO strings on the wire, Dates in the row). */
  instantFields?: readonly string[];
  /** Adjusts column values before insert (hash a password, normalise a phone number…). */
  beforeCreate?: (values: Row, ctx: CrudContext) => Promise<Row> | Row;
  beforeUpdate?: (values: Row, existing: Row, ctx: CrudContext) => Promise<Row> | Row;
  /** Runs after a successful insert or update (maintain derived tables). */
  afterWrite?: (row: Row, ctx: CrudContext) => Promise<void>;
  /** Refuses a delete that would break something (throw an ApiError). */
  beforeDelete?: (row: Row, ctx: CrudContext) => Promise<void>;
  /** Prepares the response from a row when a field is not a plain column. */
  present?: (row: Row, ctx: CrudContext) => Promise<Row> | Row;
  examples?: { create?: Row };
  /** Leave out generated routes (e.g. no update for immutable records). */
  omit?: readonly ("create" | "update" | "delete")[];
}

/**
 * Registers list / get / create / update / delete for one tenant-owned table, with OpenAPI
 * definitions, permissions, company scoping and reference checks. Everything a route can reach
 * goes through `tenantScope`, so another company's record is indistinguishable from a missing one (404).
 */
export function registerCrudResource(app: OpenAPIHono<AppEnv>, config: CrudResourceConfig): void {
  const { table, entity, resource, singular, basePath, tag } = config;
  const instantFields = new Set(config.instantFields ?? []);
  const columns = table as unknown as Record<string, SQLiteColumn>;
  const hasDeletedAt = "deletedAt" in columns;
  const name = pascal(singular);
  const plural = pascal(tag);
  const ItemResponse = itemResponseSchema(entity, `${name}Response`);
  const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

  const present = async (row: Row, ctx: CrudContext) =>
    toApiObject(config.present ? await config.present(row, ctx) : row, entity);

  const loadOwned = async (ctx: CrudContext, id: number): Promise<Row> => {
    const [row] = await ctx.scope.db.select().from(table).where(ctx.scope.byId(table, id)).limit(1);
    if (!row) throw notFound(singular);
    return row as Row;
  };

  const checkReferences = async (ctx: CrudContext, body: Row) => {
    const wrong: Record<string, string[]> = {};
    for (const [field, refTable] of Object.entries(config.references ?? {})) {
      const value = body[field];
      if (value === undefined || value === null) continue;
      const ids = (Array.isArray(value) ? value : [value]) as number[];
      const found = await ctx.scope.db
        .select({ id: refTable.id })
        .from(refTable)
        .where(ctx.scope.where(refTable, inArray(refTable.id, ids)));
      if (found.length !== new Set(ids).size)
        wrong[`body.${field}`] = [`Unknown ${field.replace(/_id$/, "")}`];
    }
    if (Object.keys(wrong).length > 0) throw invalidFields(wrong);
  };

  const ctxOf = (c: Context<AppEnv>): CrudContext => ({ c, scope: tenantScope(c) });

  // list
  const sortable = Object.keys(config.sortable);
  const filterShape = Object.fromEntries(
    Object.entries(config.filters ?? {}).map(([key, f]) => [key, f.schema.optional()]),
  );
  const ListQuery = listQuerySchema(sortable, config.defaultSort)
    .extend(filterShape)
    .extend(config.search ? { q: z.string().trim().min(1).max(100).optional() } : {});
  app.openapi(
    createRoute({
      method: "get",
      path: basePath,
      operationId: `list${plural}`,
      tags: [tag],
      summary: `List ${tag.toLowerCase()}`,
      security: SECURED,
      middleware: guard(`view_${resource}`),
      request: { query: ListQuery },
      responses: {
        200: {
          description: `A page of ${tag.toLowerCase()}`,
          content: json(listResponseSchema(entity, `${name}List`)),
        },
        401: standardErrors[401],
        403: standardErrors[403],
        422: standardErrors[422],
        429: standardErrors[429],
      },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const query = c.req.valid("query") as Row & {
        limit: number;
        cursor?: string;
        sort: string;
        q?: string;
      };
      const descending = query.sort.startsWith("-");
      const keyset = {
        column: config.sortable[query.sort.replace(/^-/, "")]!,
        idColumn: table.id,
        descending,
      };
      const conditions: (SQL | undefined)[] = [cursorCondition(keyset, query.cursor)];
      for (const [key, filter] of Object.entries(config.filters ?? {})) {
        const value = query[key];
        if (value === undefined) continue;
        conditions.push("column" in filter ? eq(filter.column, value) : filter.where(value as never));
      }
      if (config.search && query.q) conditions.push(await config.search(query.q, ctx));
      const rows = (await ctx.scope.db
        .select()
        .from(table)
        .where(ctx.scope.where(table, and(...conditions)))
        .orderBy(...keysetOrder(keyset))
        .limit(query.limit + 1)) as Row[];
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const hasMore = rows.length > query.limit;
      const sortKey = camel(query.sort.replace(/^-/, ""));
      return c.json(
        {
          success: true as const,
          data: await Promise.all(page.map((row) => present(row, ctx))),
          pagination: {
            next_cursor: hasMore && last ? encodeCursor(last[sortKey], last.id as number) : null,
            has_more: hasMore,
            limit: query.limit,
          },
        },
        200,
      );
    },
  );

  // get
  app.openapi(
    createRoute({
      method: "get",
      path: `${basePath}/{id}`,
      tags: [tag],
      operationId: `get${name}`,
      summary: `Get one ${singular.toLowerCase()}`,
      security: SECURED,
      middleware: guard(`view_${resource}`),
      request: { params: IdParamSchema },
      responses: {
        200: { description: singular, content: json(ItemResponse) },
        401: standardErrors[401],
        403: standardErrors[403],
        404: standardErrors[404],
      },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const row = await loadOwned(ctx, c.req.valid("param").id);
      return c.json({ success: true as const, data: await present(row, ctx) }, 200);
    },
  );

  if (!config.omit?.includes("create")) {
    app.openapi(
      createRoute({
        method: "post",
        path: basePath,
        tags: [tag],
        operationId: `create${name}`,
        summary: `Create a ${singular.toLowerCase()}`,
        security: SECURED,
        middleware: guard(`create_${resource}`),
        request: {
          body: {
            required: true,
            content: json(
              config.examples?.create
                ? config.createBody.openapi({ example: config.examples.create })
                : config.createBody,
            ),
          },
        },
        responses: {
          201: { description: `${singular} created`, content: json(ItemResponse) },
          ...standardErrors,
          409: { description: "Conflicts with an existing record", content: standardErrors[400].content },
        },
      }),
      async (c) => {
        const ctx = ctxOf(c);
        const body = c.req.valid("json") as Row;
        await checkReferences(ctx, body);
        let values = toRowValues(body, instantFields);
        if (config.beforeCreate) values = await config.beforeCreate(values, ctx);
        // company_id always comes from the scope, never from the body.
        const [row] = (await ctx.scope.db
          .insert(table)
          .values({ ...values, companyId: ctx.scope.companyId } as never)
          .returning()) as Row[];
        await config.afterWrite?.(row!, ctx);
        return c.json({ success: true as const, data: await present(row!, ctx) }, 201);
      },
    );
  }

  if (!config.omit?.includes("update")) {
    app.openapi(
      createRoute({
        method: "patch",
        path: `${basePath}/{id}`,
        tags: [tag],
        operationId: `update${name}`,
        summary: `Change a ${singular.toLowerCase()} (only the fields sent)`,
        security: SECURED,
        middleware: guard(`edit_${resource}`),
        request: { params: IdParamSchema, body: { required: true, content: json(config.updateBody) } },
        responses: {
          200: { description: `${singular} updated`, content: json(ItemResponse) },
          ...standardErrors,
          409: { description: "Conflicts with an existing record", content: standardErrors[400].content },
        },
      }),
      async (c) => {
        const ctx = ctxOf(c);
        const { id } = c.req.valid("param");
        const body = c.req.valid("json") as Row;
        const existing = await loadOwned(ctx, id);
        await checkReferences(ctx, body);
        let values = toRowValues(body, instantFields);
        if (config.beforeUpdate) values = await config.beforeUpdate(values, existing, ctx);
        if ("updatedAt" in columns) values.updatedAt = new Date();
        delete values.companyId;
        const [row] = (await ctx.scope.db
          .update(table)
          .set(values as never)
          .where(ctx.scope.byId(table, id))
          .returning()) as Row[];
        if (!row) throw notFound(singular);
        await config.afterWrite?.(row, ctx);
        return c.json({ success: true as const, data: await present(row, ctx) }, 200);
      },
    );
  }

  if (!config.omit?.includes("delete")) {
    app.openapi(
      createRoute({
        method: "delete",
        path: `${basePath}/{id}`,
        tags: [tag],
        operationId: `delete${name}`,
        summary: hasDeletedAt
          ? `Delete a ${singular.toLowerCase()} (soft delete: kept for the audit trail)`
          : `Delete a ${singular.toLowerCase()}`,
        security: SECURED,
        middleware: guard(`delete_${resource}`),
        request: { params: IdParamSchema },
        responses: {
          200: {
            description: `${singular} deleted`,
            content: json(
              z.object({
                success: z.literal(true),
                data: z.object({ id: z.number().int(), deleted: z.literal(true) }),
              }),
            ),
          },
          401: standardErrors[401],
          403: standardErrors[403],
          404: standardErrors[404],
          409: { description: "Still in use", content: standardErrors[400].content },
        },
      }),
      async (c) => {
        const ctx = ctxOf(c);
        const { id } = c.req.valid("param");
        const existing = await loadOwned(ctx, id);
        await config.beforeDelete?.(existing, ctx);
        if (hasDeletedAt) {
          await ctx.scope.db
            .update(table)
            .set({ deletedAt: new Date() } as never)
            .where(ctx.scope.byId(table, id));
        } else {
          await ctx.scope.db.delete(table).where(ctx.scope.byId(table, id));
        }
        return c.json({ success: true as const, data: { id, deleted: true as const } }, 200);
      },
    );
  }
}

/** "Branch offer" → "BranchOffer", "API keys" → "ApiKeys". */
function pascal(words: string): string {
  return words
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join("");
}
