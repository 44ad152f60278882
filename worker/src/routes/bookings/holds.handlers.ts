import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env";
import { tenantScope } from "../../middleware/authorize";
import { placeHold, releaseHold } from "../../services/scheduling/holds";
import { placeHoldRoute, releaseHoldRoute } from "./holds.routes";

export function registerHoldHandlers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(placeHoldRoute, async (c) => {
    const body = c.req.valid("json");
    const hold = await placeHold(tenantScope(c), c.env, {
      serviceId: body.service_id,
      staffId: body.staff_id,
      branchId: body.branch_id,
      startsAt: new Date(body.starts_at),
      ttlSeconds: body.ttl_seconds,
    });
    return c.json(
      {
        success: true as const,
        data: {
          hold_id: hold.holdId,
          expires_at: hold.expiresAt.toISOString(),
          starts_at: hold.startsAt.toISOString(),
          ends_at: hold.endsAt.toISOString(),
          staff_id: hold.staffId,
          service_id: hold.serviceId,
          branch_id: hold.branchId,
        },
      },
      201,
    );
  });

  app.openapi(releaseHoldRoute, async (c) => {
    const { hold_id } = c.req.valid("param");
    await releaseHold(tenantScope(c), c.env, hold_id);
    return c.json({ success: true as const, data: { hold_id } }, 200);
  });
}
