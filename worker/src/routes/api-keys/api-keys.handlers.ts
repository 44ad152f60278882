import type { OpenAPIHono } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { apiKeys } from "../../../../drizzle/schema";
import { generateApiKey } from "../../auth/api-key-format";
import { roleIdByName, roleNameById } from "../../auth/role-lookup";
import type { AppEnv } from "../../http/app-env";
import { notFound } from "../../http/errors";
import { tenantScope } from "../../middleware/authorize";
import { revokeApiKeyEverywhere } from "../../services/auth/revoke-api-key";
import { toApiObject } from "../crud/row-mapping";
import { ApiKeySchema, createApiKeyRoute, revokeApiKeyRoute } from "./api-keys.routes";

const DAY_MS = 86_400_000;

export function registerApiKeyHandlers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createApiKeyRoute, async (c) => {
    const scope = tenantScope(c);
    const body = c.req.valid("json");
    const generated = await generateApiKey();
    const principal = c.get("principal");
    const [row] = await scope.db
      .insert(apiKeys)
      .values({
        companyId: scope.companyId,
        name: body.name,
        prefix: generated.prefix,
        keyHash: generated.hash,
        roleId: await roleIdByName(scope.db, body.role),
        createdByUserId: principal.kind === "user" ? principal.id : null,
        expiresAt: new Date(Date.now() + body.expires_in_days * DAY_MS),
      })
      .returning();
    const data = { ...toApiObject({ ...row!, role: body.role }, ApiKeySchema), key: generated.key };
    return c.json({ success: true as const, data }, 201);
  });

  app.openapi(revokeApiKeyRoute, async (c) => {
    const scope = tenantScope(c);
    const { id } = c.req.valid("param");
    // Revoking twice keeps the first revocation time.
    const [row] = await scope.db
      .update(apiKeys)
      .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${Date.now()})` })
      .where(scope.byId(apiKeys, id))
      .returning();
    if (!row) throw notFound("API key");
    // Isolates that verified this key keep it cached; its rate limiter is where they all look.
    await revokeApiKeyEverywhere(c.env, row.id);
    const role = await roleNameById(scope.db, row.roleId);
    return c.json({ success: true as const, data: toApiObject({ ...row, role }, ApiKeySchema) }, 200);
  });
}
