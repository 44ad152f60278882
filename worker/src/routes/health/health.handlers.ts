import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env";
import { readDetailedHealth } from "../../services/health/detailed-health";
import { detailedHealthRoute, healthRoute } from "./health.routes";

export function registerHealthHandlers(app: OpenAPIHono<AppEnv>): void {
  // Deliberately free of I/O: it is the floor every latency figure is compared with.
  app.openapi(healthRoute, (c) =>
    c.json(
      { status: "ok" as const, timestamp: new Date().toISOString(), version: c.env.APP_VERSION ?? "dev" },
      200,
    ),
  );

  app.openapi(detailedHealthRoute, async (c) => {
    const principal = c.get("principal");
    const companyId = principal.isSuperAdmin ? null : principal.companyId;
    const report = await readDetailedHealth(c.get("db"), companyId, c.env.APP_VERSION ?? "dev");
    return c.json(report, report.checks.database.status === "ok" ? 200 : 503) as never;
  });
}
