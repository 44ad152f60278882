import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/app-env";
import { ApiError } from "../../http/errors";
import { standardErrors } from "../../http/schemas";
import { CALCOM_SIGNATURE_HEADER } from "../../integrations/calcom";
import { receiveCalcomWebhook } from "../../services/calendar-sync/webhook/receive-webhook";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const CalcomWebhookSchema = z
  .object({
    triggerEvent: z.string().openapi({ example: "BOOKING_CREATED" }),
    createdAt: z.string().openapi({ example: "2026-10-05T12:00:00.000Z" }),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi("CalcomWebhook");

const ReceivedSchema = z
  .object({
    received: z.literal(true),
    outcome: z.string().openapi({
      description:
        "echo (our own push coming back, nothing changed), created, rescheduled, confirmed, cancelled, refused (collides with a platform booking: recorded for review), unmapped (staff or event type not mapped: recorded for review), stale, unknown_booking, drift, duplicate, ignored (other triggers), unknown_company",
      example: "created",
    }),
    appointment_id: z.number().int().nullable(),
  })
  .openapi("CalcomWebhookReceived");

/**
 * POST /api/calcom/webhook: Cal.com's booking webhooks (BOOKING_CREATED, RESCHEDULED, CANCELLED,
 * REJECTED, REQUESTED), signed with the company's webhook secret (X-Cal-Signature-256).
 */
export function registerCalcomWebhookHandlers(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/api/calcom/webhook",
    operationId: "calcomWebhook",
    tags: ["Cal.com sync"],
    summary: "Cal.com booking webhooks (signed with X-Cal-Signature-256)",
    description:
      "Subscribe with the URL `/api/calcom/webhook?company=<company id>`; without the parameter the company is taken from the booking (our metadata, the mapped event type or organizer). Answers 200 for every delivery it could attribute and verify, including ones it refused or ignored, because Cal.com never retries.",
    request: {
      query: z.object({ company: z.string().optional().openapi({ example: "1" }) }),
      headers: z.object({ [CALCOM_SIGNATURE_HEADER.toLowerCase()]: z.string().optional() }),
      body: { required: true, content: json(CalcomWebhookSchema) },
    },
    responses: {
      200: { description: "Delivery handled", content: json(ReceivedSchema) },
      ...standardErrors,
    },
  });
  app.post("/api/calcom/webhook", handleCalcomWebhook);
}

async function handleCalcomWebhook(c: Context<AppEnv>): Promise<Response> {
  const rawBody = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new ApiError(400, "MALFORMED_JSON", "The body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError(422, "VALIDATION_ERROR", "Validation failed", {
      fields: { body: ["Expected a Cal.com webhook object"] },
    });
  }
  const received = await receiveCalcomWebhook(
    c.env,
    c.get("db"),
    rawBody,
    body,
    c.req.header(CALCOM_SIGNATURE_HEADER),
    c.req.query("company"),
  );
  if (received.status === 401) {
    throw new ApiError(401, "SIGNATURE_INVALID", "The X-Cal-Signature-256 signature is missing or wrong");
  }
  return c.json({
    received: true as const,
    outcome: received.outcome,
    appointment_id: received.appointmentId,
  });
}
