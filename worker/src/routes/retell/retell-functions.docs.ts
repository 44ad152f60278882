import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env";
import { standardErrors } from "../../http/schemas";
import { pathOf, VOICE_FUNCTIONS } from "../../services/voice/functions";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const RetellFunctionRequestSchema = z
  .object({
    name: z
      .string()
      .optional()
      .openapi({ description: "Tool name (wrapped form)", example: "check_availability" }),
    args: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({
        description:
          "The agent's arguments. Without `name`/`args`/`call`, the whole body is the args (Retell's 'args only').",
        example: { service: "Herrenhaarschnitt", date: "morgen", time: "halb drei" },
      }),
    call: z.record(z.string(), z.unknown()).optional().openapi({
      description: "Retell's live call object (call_id, from_number, to_number, agent_id, start_timestamp …)",
    }),
  })
  .passthrough()
  .openapi("RetellFunctionRequest");

export const VoiceAnswerSchema = z
  .object({
    success: z.boolean().openapi({ description: "false when the caller has to decide or fix something" }),
    message: z.string().max(300).openapi({
      description: "One or two short sentences for the agent to say (German unless the agent speaks English)",
      example: "Herrenhaarschnitt morgen um 14:30 Uhr bei Anna ist frei. Soll ich das für Sie buchen?",
    }),
  })
  .passthrough()
  .openapi("VoiceAnswer");

const SIGNED =
  "Signed by Retell: `X-Retell-Signature: v=<ms>,d=<hex HMAC-SHA256(raw body + ms)>` keyed with the company's Retell API key (±5 minutes). The company and branch come from the called number (`call.to_number`), the agent id or a known call id.";

const responses = {
  200: {
    description: "A speakable answer (also for problems the caller can fix)",
    content: json(VoiceAnswerSchema),
  },
  ...standardErrors,
};

/**
 * The voice functions in the OpenAPI document. Their bodies are read by the handler itself (the
 * signature covers the raw bytes and there are two body shapes), so they are documented here
 * rather than validated by the route.
 */
export function documentRetellFunctions(app: OpenAPIHono<AppEnv>) {
  for (const fn of VOICE_FUNCTIONS) {
    app.openAPIRegistry.registerPath({
      method: "post",
      path: `/api/retell/${pathOf(fn)}`,
      operationId: `retell_${fn.name}`,
      tags: ["Voice agent"],
      summary: fn.summary,
      description: SIGNED,
      request: { body: { required: true, content: json(RetellFunctionRequestSchema) } },
      responses,
    });
  }
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/api/retell/function",
    operationId: "retell_function",
    tags: ["Voice agent"],
    summary:
      "Every voice function behind one URL: dispatches on the body's `name` (a `_v17` suffix is ignored)",
    description: SIGNED,
    request: { body: { required: true, content: json(RetellFunctionRequestSchema) } },
    responses,
  });
}
