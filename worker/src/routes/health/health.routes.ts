import { createRoute, z } from "@hono/zod-openapi";
import { standardErrors } from "../../http/schemas";
import { CalcomHealthSchema } from "../calcom/calcom-sync.routes";
import { guard, SECURED } from "../guards";

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded", "down"]),
    timestamp: z.iso.datetime(),
    version: z.string(),
  })
  .openapi("Health");

const CheckSchema = z.object({ status: z.enum(["ok", "error", "delayed"]) }).catchall(z.unknown());

export const DetailedHealthSchema = z
  .object({
    status: z.enum(["ok", "degraded", "down"]),
    timestamp: z.iso.datetime(),
    version: z.string(),
    company_id: z.number().int().nullable().openapi({ description: "null: platform-wide (super admin)" }),
    checks: z.object({
      database: CheckSchema.openapi({ example: { status: "ok", latency_ms: 3 } }),
      queue: CheckSchema.openapi({
        example: { status: "ok", pending_notifications: 4, pending_calendar_sync: 0, dead_letters: 0 },
      }),
    }),
    integrations: z.record(
      z.string(),
      z.object({
        status: z.enum(["ok", "error", "unknown", "not_configured"]),
        last_activity: z.iso.datetime().nullable(),
        detail: z.string().optional(),
        sync: CalcomHealthSchema.optional().openapi({
          description: "Cal.com only: last sync, queue depth, failed pushes and open drift",
        }),
      }),
    ),
    metrics: z.object({
      calls_today: z.number().int(),
      appointments_today: z.number().int(),
      customers_active: z.number().int(),
    }),
  })
  .openapi("DetailedHealth");

export const healthRoute = createRoute({
  method: "get",
  path: "/api/health",
  operationId: "health",
  tags: ["Health"],
  summary: "Liveness: is the API up",
  responses: {
    200: { description: "The API answers", content: { "application/json": { schema: HealthSchema } } },
  },
});

export const detailedHealthRoute = createRoute({
  method: "get",
  path: "/api/health/detailed",
  operationId: "detailedHealth",
  tags: ["Health"],
  summary: "Database latency, queue backlog, last activity per integration and today's metrics",
  security: SECURED,
  middleware: guard("view_health"),
  responses: {
    200: {
      description: "Detailed health of the caller's company (platform-wide for a super admin)",
      content: { "application/json": { schema: DetailedHealthSchema } },
    },
    401: standardErrors[401],
    403: standardErrors[403],
    503: {
      description: "The database is unreachable: the report says which check failed",
      content: { "application/json": { schema: DetailedHealthSchema } },
    },
  },
});
