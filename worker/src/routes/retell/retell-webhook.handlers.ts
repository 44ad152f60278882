import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/app-env";
import { invalidFields } from "../../http/errors";
import { standardErrors } from "../../http/schemas";
import { timed } from "../../http/server-timing";
import { authenticateRetell } from "../../integrations/retell/authenticate-request";
import type { TenantHints } from "../../integrations/retell/voice-tenant";
import { acceptCallEvent } from "../../services/voice/call-events/accept-call-event";
import { callOfEvent, canonicalEvent } from "../../services/voice/call-events/call-event";
import { inboundVariables } from "../../services/voice/call-events/inbound-variables";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const WebhookSchema = z
  .object({
    event: z.string().openapi({ example: "call_ended" }),
    call: z.record(z.string(), z.unknown()).optional(),
    call_inbound: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough()
  .openapi("RetellWebhook");

/**
 * POST /webhooks/retell: Retell's call events (call_started, call_ended, call_analyzed, and the
 * seed's call.ended / call.analyzed) and the inbound-call webhook (call_inbound). Events are
 * verified, recorded once and queued, and answered 204 at once; call_inbound is answered with the
 * caller's dynamic variables. Other events (transcript_updated, transfers) are acknowledged.
 */
export function registerRetellWebhookHandlers(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/webhooks/retell",
    operationId: "retellWebhook",
    tags: ["Voice agent"],
    summary: "Retell call events and the inbound-call webhook (signed with X-Retell-Signature)",
    request: { body: { required: true, content: json(WebhookSchema) } },
    responses: {
      200: {
        description: "call_inbound: dynamic variables for the agent",
        content: json(z.object({ call_inbound: z.record(z.string(), z.unknown()) })),
      },
      204: { description: "Event accepted (or a duplicate, acknowledged without effect)" },
      ...standardErrors,
    },
  });
  app.post("/webhooks/retell", handleRetellWebhook);
}

async function handleRetellWebhook(c: Context<AppEnv>): Promise<Response> {
  const rawBody = await c.req.text();
  const body = rawBody.trim() === "" ? null : await c.req.json();
  if (typeof body !== "object" || body === null || Array.isArray(body) || typeof body.event !== "string") {
    throw invalidFields({ "body.event": ["Expected a Retell webhook with an event"] });
  }
  const record = body as Record<string, unknown>;
  const event = record.event as string;
  const db = c.get("db");
  const waitUntil = (work: Promise<unknown>) => c.executionCtx.waitUntil(work);
  const authenticate = (hints: TenantHints) =>
    timed(
      c,
      "auth",
      authenticateRetell({
        db,
        encryptionKey: c.env.ENCRYPTION_KEY,
        rawBody,
        signature: c.req.header("x-retell-signature"),
        hints,
        kind: event,
        waitUntil,
      }),
    );

  if (event === "call_inbound") {
    const inbound = (record.call_inbound ?? {}) as Record<string, unknown>;
    const tenant = await authenticate({
      toNumber: asText(inbound.to_number),
      agentId: asText(inbound.agent_id),
    });
    const variables = await inboundVariables(db, tenant, asText(inbound.from_number));
    return c.json({
      call_inbound: {
        dynamic_variables: variables,
        metadata: { company_id: tenant.companyId, branch_id: tenant.branchId },
      },
    });
  }

  const call = callOfEvent(record) as Record<string, unknown>;
  const callId = asText(call.call_id);
  const tenant = await authenticate({
    toNumber: asText(call.to_number),
    agentId: asText(call.agent_id),
    callId,
  });
  const lifecycle = canonicalEvent(event);
  if (!lifecycle) return c.body(null, 204);
  if (!callId) throw invalidFields({ "body.call.call_id": ["Required"] });
  const outcome = await acceptCallEvent(db, c.env, lifecycle, callId, tenant.companyId, body);
  c.header("X-Webhook-Outcome", outcome);
  return c.body(null, 204);
}

const asText = (value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
